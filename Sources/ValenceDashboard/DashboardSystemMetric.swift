/// One named system figure, already formatted (e.g. "uptime" → "3 h 12 min").
public struct DashboardSystemMetric: Sendable, Equatable {
    /// What the figure is.
    public var name: String
    /// The figure, formatted for people.
    public var value: String

    /// Creates a figure.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
