/// Errors thrown while loading a `tokenizer.json`.
public enum TokenizerError: Error, Equatable, CustomStringConvertible {
    /// The file is not a JSON object.
    case invalidJSON(String)
    /// A component's `type` is not one this library implements.
    case unsupportedComponent(kind: String, type: String)
    /// A required field is missing or has the wrong JSON type.
    case invalidField(component: String, field: String)
    /// The configuration is self-contradictory (e.g. a merge whose result is not in the vocabulary).
    case invalidConfiguration(String)
    /// No `tokenizer.json` in the given folder.
    case missingFile(String)

    public var description: String {
        switch self {
        case .invalidJSON(let why): "tokenizer.json is not valid: \(why)"
        case .unsupportedComponent(let kind, let type): "unsupported \(kind) type '\(type)'"
        case .invalidField(let component, let field): "\(component): missing or invalid field '\(field)'"
        case .invalidConfiguration(let why): "invalid tokenizer configuration: \(why)"
        case .missingFile(let path): "no tokenizer.json at \(path)"
        }
    }
}
