/// The version reported by `valence --version` and /status.
public enum ValenceVersion {
    public static let current = "0.1.0"
}
