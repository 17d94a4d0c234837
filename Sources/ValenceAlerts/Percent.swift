import Foundation

/// A share printed as a percentage with one decimal, e.g. `12.5 %`.
struct Percent: CustomStringConvertible {
    var share: Double

    init(_ share: Double) { self.share = share }

    var description: String { String(format: "%.1f %%", share * 100) }
}
