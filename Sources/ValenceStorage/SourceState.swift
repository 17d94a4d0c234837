/// Whether a source's last poll worked. A failing source keeps being polled on its interval; the next
/// successful poll sets it back to `ok` and clears its error.
public enum SourceState: String, Sendable, Equatable, Codable, CaseIterable {
    case ok
    case failing
}
