/// A model the platform knows by key (DESIGN.md section 3).
public struct CatalogEntry: Sendable, Equatable {
    public var key: String
    public var aliases: [String]
    /// The HuggingFace repository, or nil for a built-in model.
    public var repository: String?
    /// The hub revision (branch, tag or commit) the files are pulled from.
    public var revision: String

    public init(key: String, aliases: [String] = [], repository: String?, revision: String = "main") {
        self.key = key
        self.aliases = aliases
        self.repository = repository
        self.revision = revision
    }
}

/// The catalog of known model keys and their aliases.
public struct ModelCatalog: Sendable {
    public private(set) var entries: [CatalogEntry]

    public init(entries: [CatalogEntry] = ModelCatalog.builtIn) {
        self.entries = entries
    }

    public static let builtIn: [CatalogEntry] = [
        CatalogEntry(key: "distilbert-sentiment", aliases: ["distilbert"],
                     repository: "distilbert/distilbert-base-uncased-finetuned-sst-2-english"),
        CatalogEntry(key: "twitter-roberta", repository: "cardiffnlp/twitter-roberta-base-sentiment-latest"),
        CatalogEntry(key: "bert-multilingual", repository: "nlptown/bert-base-multilingual-uncased-sentiment"),
        CatalogEntry(key: VaderSentimentModel.key, repository: nil),
    ]

    /// The canonical entry for a key or alias (case-sensitive, as keys are), or nil when unknown.
    public func entry(for keyOrAlias: String) -> CatalogEntry? {
        entries.first { $0.key == keyOrAlias || $0.aliases.contains(keyOrAlias) }
    }
}
