import Foundation
import ValenceCore
import ValenceModels
import ValenceStorage

/// The optional JSON configuration file (`--config FILE` or VALENCE_CONFIG): models beyond the built-in catalog
/// and live sources to follow.
///
///     {"models": [{"key": "finbert", "repository": "ProsusAI/finbert", "revision": "main", "aliases": ["fin"]},
///                 {"key": "house-model", "path": "/models/house"}],
///      "sources": [{"kind": "reddit", "name": "r-science", "subreddit": "science"},
///                  {"kind": "feed", "name": "bbc-world", "url": "https://feeds.bbci.co.uk/news/world/rss.xml"}]}
///
/// A model has either a hub `repository` (pulled like a catalog model) or a local `path`. Sources have the shape
/// of POST /sources and are stored by name at start: new ones created, existing ones updated.
public struct ConfigurationFile: Sendable, Decodable {
    public var models: [ModelDeclaration]
    public var sources: [SourceConfiguration]

    /// One model entry of the file.
    public struct ModelDeclaration: Sendable, Decodable, Equatable {
        public var key: String
        public var aliases: [String]?
        public var repository: String?
        public var revision: String?
        public var path: String?
    }

    private enum CodingKeys: String, CodingKey { case models, sources }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        models = try container.decodeIfPresent([ModelDeclaration].self, forKey: .models) ?? []
        sources = try container.decodeIfPresent([SourceConfiguration].self, forKey: .sources) ?? []
    }

    /// Reads and checks the file: every model names exactly one of `repository` and `path` with valid hub
    /// names, keys and aliases are unique and clash with no built-in key, and every source is valid.
    public static func load(path: String) throws -> ConfigurationFile {
        func failure(_ message: String) -> ConfigurationError { ConfigurationError("configuration file '\(path)': \(message)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("cannot be read") }
        let file: ConfigurationFile
        do {
            file = try JSONDecoder().decode(ConfigurationFile.self, from: data)
        } catch let error as DecodingError {
            throw failure(Self.describe(error))
        }
        var taken = Set(ModelCatalog.builtIn.flatMap { [$0.key] + $0.aliases })
        for (index, model) in file.models.enumerated() {
            let name = "models[\(index)] ('\(model.key)')"
            for key in [model.key] + (model.aliases ?? []) {
                guard !key.isEmpty, key.count <= 100, !key.contains("/") else { throw failure("\(name): '\(key)' is not a usable model key") }
                guard taken.insert(key).inserted else { throw failure("\(name): the key '\(key)' is already taken") }
            }
            switch (model.repository, model.path) {
            case (let repository?, nil):
                do {
                    try HubNames.validateRepository(repository)
                    try HubNames.validateRevision(model.revision ?? "main")
                } catch {
                    throw failure("\(name): \(error)")
                }
            case (nil, _?):
                guard model.revision == nil, model.aliases == nil else {
                    throw failure("\(name): a local 'path' takes no 'revision' or 'aliases'")
                }
            default:
                throw failure("\(name): give exactly one of 'repository' and 'path'")
            }
        }
        var names: Set<String> = []
        for (index, source) in file.sources.enumerated() {
            do {
                try source.validate()
            } catch {
                throw failure("sources[\(index)] ('\(source.name)'): \(error)")
            }
            guard names.insert(source.name).inserted else { throw failure("sources[\(index)]: the name '\(source.name)' appears twice") }
        }
        return file
    }

    /// The hub models, as catalog entries.
    public var catalogEntries: [CatalogEntry] {
        models.compactMap { model in
            model.repository.map { CatalogEntry(key: model.key, aliases: model.aliases ?? [], repository: $0, revision: model.revision ?? "main") }
        }
    }

    /// The local folders, relative paths resolved against `base` (the file's folder).
    public func modelFolders(relativeTo base: URL) -> [ModelFolder] {
        models.compactMap { model in
            model.path.map { ModelFolder(url: URL(fileURLWithPath: $0, isDirectory: true, relativeTo: base).standardizedFileURL, key: model.key) }
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not valid JSON" : "\(at(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "\(at(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(at(context.codingPath)) has the wrong type"
        @unknown default: return "\(error)"
        }
    }
}
