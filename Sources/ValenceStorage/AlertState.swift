/// Where an alert is in its lifecycle: active → acknowledged (by an admin) → resolved (when its condition clears).
/// An active alert may also be resolved directly.
public enum AlertState: String, Sendable, Equatable, Codable, CaseIterable {
    case active
    case acknowledged
    case resolved
}
