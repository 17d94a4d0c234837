/// Names of the breakers whose transitions are stored.
public enum BreakerScope {
    /// The breaker around all model calls of a gateway or `valence serve` (replicas are named by their URL).
    public static let overall = "overall"
}
