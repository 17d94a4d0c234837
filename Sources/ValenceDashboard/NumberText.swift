import Foundation

/// Number formatting for the dashboard. Non-finite values never reach the output: coordinates become 0,
/// displayed figures become a dash.
enum NumberText {
    /// `value` if finite, else 0.
    static func finite(_ value: Double) -> Double {
        value.isFinite ? value : 0
    }

    /// An SVG coordinate or length with one decimal (non-finite → "0").
    static func coordinate(_ value: Double) -> String {
        String(format: "%.1f", finite(value))
    }

    /// A figure with one decimal, or "–" when it is not finite.
    static func figure(_ value: Double) -> String {
        value.isFinite ? String(format: "%.1f", value) : "–"
    }

    /// "42.5%" (or "–").
    static func percent(_ value: Double) -> String {
        value.isFinite ? figure(value) + "%" : "–"
    }

    /// "12.3 ms" (or "–").
    static func milliseconds(_ value: Double) -> String {
        value.isFinite ? figure(value) + " ms" : "–"
    }

    /// "+12.5%" / "−3.0%" for a change, "n/a" when there is nothing to compare with.
    static func change(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return (value >= 0 ? "+" : "−") + figure(abs(value)) + "%"
    }
}
