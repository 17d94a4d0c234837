/// The dashboard's charts as SVG strings: pure functions of the data, with a `viewBox`, axis labels and a
/// `<title>` tooltip on every mark. Text from data is escaped; non-finite numbers are drawn as 0.
public enum SVGChart {
    /// Width of every chart's coordinate system.
    static let width = 600.0

    /// The chart shown when there is nothing to draw yet.
    public static func placeholder(_ message: String = "no predictions yet", height: Double = 240) -> String {
        let y = NumberText.coordinate(height / 2)
        return """
        <svg class="chart empty" viewBox="0 0 \(NumberText.coordinate(width)) \(NumberText.coordinate(height))" role="img" \
        aria-label="\(HTMLText.escape(message))"><text class="placeholder" x="\(NumberText.coordinate(width / 2))" y="\(y)" \
        text-anchor="middle">\(HTMLText.escape(message))</text></svg>
        """
    }

    /// Opens an `<svg>` element with the chart's view box and accessible label.
    static func open(height: Double, label: String, kind: String) -> String {
        "<svg class=\"chart \(kind)\" viewBox=\"0 0 \(NumberText.coordinate(width)) \(NumberText.coordinate(height))\" "
            + "role=\"img\" aria-label=\"\(HTMLText.escape(label))\">"
    }

    /// A `<text>` element; `content` is escaped.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "middle", className: String = "label") -> String {
        "<text class=\"\(className)\" x=\"\(NumberText.coordinate(x))\" y=\"\(NumberText.coordinate(y))\" "
            + "text-anchor=\"\(anchor)\">\(HTMLText.escape(content))</text>"
    }

    /// A `<title>` tooltip; `content` is escaped.
    static func title(_ content: String) -> String {
        "<title>\(HTMLText.escape(content))</title>"
    }

    /// A straight line.
    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> String {
        "<line class=\"\(className)\" x1=\"\(NumberText.coordinate(x1))\" y1=\"\(NumberText.coordinate(y1))\" "
            + "x2=\"\(NumberText.coordinate(x2))\" y2=\"\(NumberText.coordinate(y2))\"/>"
    }

    /// A rectangle with a tooltip; negative or non-finite sizes become 0.
    static func rectangle(x: Double, y: Double, width: Double, height: Double, className: String, tooltip: String) -> String {
        "<rect class=\"\(className)\" x=\"\(NumberText.coordinate(x))\" y=\"\(NumberText.coordinate(y))\" "
            + "width=\"\(NumberText.coordinate(max(0, NumberText.finite(width))))\" "
            + "height=\"\(NumberText.coordinate(max(0, NumberText.finite(height))))\">\(title(tooltip))</rect>"
    }

    /// `value` clamped to `0...100`, non-finite → 0.
    static func clampedPercent(_ value: Double) -> Double {
        min(100, max(0, NumberText.finite(value)))
    }
}
