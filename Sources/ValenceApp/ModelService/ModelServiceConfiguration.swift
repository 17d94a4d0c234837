import Foundation
import ValenceHTTP

/// Settings of `valence model-service`. Defaults first, then the environment (DESIGN.md section 10), then flags.
public struct ModelServiceConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8081
    /// HuggingFace-layout folders registered at start, each under its folder name.
    public var modelDirectories: [URL] = []
    /// The model for requests without one (`--default-model`, else PRELOAD_MODEL, else the first folder, else
    /// distilbert-sentiment).
    public var defaultModel: String?
    /// VALENCE_API_KEY: required by management endpoints when set.
    public var apiKey: String?
    public var limits = APILimits()

    public init() {}

    /// The default model key after all sources are applied.
    public var resolvedDefaultModel: String {
        defaultModel ?? modelDirectories.first?.standardizedFileURL.lastPathComponent ?? "distilbert-sentiment"
    }

    /// Applies the environment variables this process reads.
    public mutating func apply(environment: [String: String]) {
        if let model = environment["PRELOAD_MODEL"], !model.isEmpty { defaultModel = model }
        if let key = environment["VALENCE_API_KEY"], !key.isEmpty { apiKey = key }
    }
}
