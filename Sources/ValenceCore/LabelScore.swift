/// One named score of a classification, kept in the model's label order
/// (VADER: `neg`, `neu`, `pos`, `compound`; a transformer: its labels in id order).
public struct LabelScore: Sendable, Equatable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}
