/// Errors thrown while loading a model folder or running a forward pass.
///
/// Every case names what was wrong so a CLI or a log line can show it as is.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file could not be opened, read or mapped.
    case fileUnreadable(path: String, reason: String)
    /// The safetensors header is malformed (bad length, invalid JSON, a bad entry).
    case badHeader(path: String, reason: String)
    /// The file is shorter than its header says.
    case truncatedFile(path: String, expectedBytes: Int, actualBytes: Int)
    /// A tensor the architecture needs is not in the checkpoint.
    case missingTensor(name: String)
    /// A tensor exists but its shape is not the one the configuration implies.
    case wrongShape(name: String, expected: [Int], actual: [Int])
    /// A tensor has a dtype the engine cannot use for that tensor.
    case unsupportedDType(name: String, dtype: String)
    /// config.json is missing a key, has a bad value or an unsupported architecture.
    case invalidConfiguration(String)
    /// An input sequence is empty.
    case emptySequence(index: Int)
    /// An input sequence is longer than the model's position table allows.
    case sequenceTooLong(index: Int, length: Int, maximum: Int)
    /// A token id is outside the vocabulary.
    case tokenOutOfRange(index: Int, token: Int32, vocabularySize: Int)
    /// `logits` was called on a bare encoder (a checkpoint without a classification head).
    case noClassifier

    public var description: String {
        switch self {
        case let .fileUnreadable(path, reason):
            "cannot read \(path): \(reason)"
        case let .badHeader(path, reason):
            "bad safetensors header in \(path): \(reason)"
        case let .truncatedFile(path, expected, actual):
            "truncated file \(path): header needs \(expected) bytes, file has \(actual)"
        case let .missingTensor(name):
            "missing tensor '\(name)'"
        case let .wrongShape(name, expected, actual):
            "tensor '\(name)' has shape \(actual), expected \(expected)"
        case let .unsupportedDType(name, dtype):
            "tensor '\(name)' has unsupported dtype \(dtype)"
        case let .invalidConfiguration(reason):
            "invalid config.json: \(reason)"
        case let .emptySequence(index):
            "sequence \(index) is empty"
        case let .sequenceTooLong(index, length, maximum):
            "sequence \(index) has \(length) tokens; the model accepts at most \(maximum)"
        case let .tokenOutOfRange(index, token, vocabularySize):
            "sequence \(index) has token id \(token) outside the vocabulary (size \(vocabularySize))"
        case .noClassifier:
            "the model has no classification head; use embeddings instead"
        }
    }
}
