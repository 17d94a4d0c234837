import Foundation

/// Just enough SVG reading for geometry assertions on the charts this module draws.
enum SVGGeometry {
    struct Rectangle {
        var className: String
        var x, y, width, height: Double
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    static func viewBox(_ svg: String) -> (width: Double, height: Double)? {
        guard let value = attributes(named: "viewBox", in: svg).first else { return nil }
        let numbers = value.split(separator: " ").compactMap { Double($0) }
        return numbers.count == 4 ? (numbers[2], numbers[3]) : nil
    }

    /// Every vertex of every path and every circle centre.
    static func points(_ svg: String) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        for path in attributes(named: "d", in: svg) {
            let numbers = path.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
            points += stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
        }
        points += zip(attributes(named: "cx", in: svg), attributes(named: "cy", in: svg)).compactMap { x, y in
            guard let x = Double(x), let y = Double(y) else { return nil }
            return (x, y)
        }
        return points
    }

    static func rectangles(_ svg: String) -> [Rectangle] {
        svg.components(separatedBy: "<rect ").dropFirst().compactMap { element in
            let tag = String(element.prefix { $0 != ">" })
            func number(_ name: String) -> Double? { attributes(named: name, in: " " + tag).first.flatMap(Double.init) }
            guard let x = number("x"), let y = number("y"), let width = number("width"), let height = number("height") else { return nil }
            return Rectangle(className: attributes(named: "class", in: " " + tag).first ?? "", x: x, y: y, width: width, height: height)
        }
    }

    /// Values of ` name="…"` attributes, in document order.
    static func attributes(named name: String, in text: String) -> [String] {
        text.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}
