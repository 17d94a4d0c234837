import ValenceCore

/// A model whose forward pass takes many texts at once; `DynamicBatcher` groups concurrent requests for it.
public protocol BatchableModel: Sendable {
    /// A text made ready for the forward pass (e.g. its token ids).
    associatedtype Prepared: Sendable
    /// The catalog key the model answers under.
    var key: String { get }
    /// Prepares one text (e.g. tokenizes it); runs on the caller's task.
    func prepare(_ text: String) throws -> Prepared
    /// What the prepared text costs in the batch's token budget.
    func tokenCount(_ prepared: Prepared) -> Int
    /// Runs one forward pass over the batch; one result per entry, in order.
    func run(_ batch: [Prepared]) async throws -> [Classification]
}
