import Foundation
import ValenceCore

/// What the injected loader is asked to load: a model folder (config.json, weights, tokenizer.json).
public struct ModelLoadRequest: Sendable, Equatable {
    /// The key the loaded model must answer under.
    public var key: String
    /// The local folder holding the model's files.
    public var directory: URL

    public init(key: String, directory: URL) {
        self.key = key
        self.directory = directory
    }
}

/// Turns a model folder into a model that answers requests (the composition root supplies it).
public typealias ModelLoader = @Sendable (ModelLoadRequest) async throws -> any SentimentModel
