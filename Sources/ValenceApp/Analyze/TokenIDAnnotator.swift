/// Adds `input_ids`: the tokenizer's ids with special tokens, truncated to the maximum length.
public struct TokenIDAnnotator: RecordAnnotator {
    private let encode: (String) -> [Int32]

    public init(encode: @escaping (String) -> [Int32]) {
        self.encode = encode
    }

    public var fieldNames: [String] { ["input_ids"] }

    public func annotate(_ texts: [String]) throws -> [[FieldValue]] {
        texts.map { [.integers(encode($0))] }
    }

    public var perText: ((String) -> [FieldValue])? {
        { [.integers(encode($0))] }
    }
}
