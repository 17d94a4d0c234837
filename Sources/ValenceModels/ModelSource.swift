/// Where a registry entry comes from.
public enum ModelSource: String, Sendable, Codable {
    /// A catalog entry pulled from the hub.
    case hub
    /// A model built into the binary (VADER).
    case builtin
    /// A local folder registered by the operator (`--model-dir`).
    case folder
}
