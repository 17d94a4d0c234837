import Foundation
import ValenceAlerts
import ValenceCore
import ValenceDatabase
import ValenceHTTP
import ValenceJobs
import ValenceModels
import ValenceResilience
import ValenceStorage

/// Settings of `valence serve`, `gateway` and `model-service`. Defaults first, then the environment (DESIGN.md
/// section 10), then flags.
public struct ServeConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Where the SQLite database and the model cache (unless VALENCE_MODEL_CACHE says otherwise) live.
    public var dataDirectory: URL
    /// The environment the hub settings are read from (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE, VALENCE_MODEL_CACHE).
    public var environment: [String: String] = [:]
    /// Dynamic batching of concurrent requests per transformer.
    public var batching = BatchingConfiguration()
    /// `postgres://USER:PASSWORD@HOST:PORT/DB`, `sqlite:PATH`; nil → the POSTGRES_* variables, else `DATA_DIR/valence.sqlite`.
    public var databaseURL: String?
    /// The model a request without `model` asks for (`--default-model`, else PRELOAD_MODEL, else the first
    /// `--model-dir` folder, else distilbert-sentiment).
    public var defaultModel: String?
    /// The models known by key: the built-in catalog plus a configuration file's hub models.
    public var catalog = ModelCatalog()
    /// HuggingFace-layout folders loaded at start (`--model-dir`, a configuration file's `path` models).
    public var modelFolders: [ModelFolder] = []
    /// Live sources a configuration file declares, stored by name at start.
    public var sources: [SourceConfiguration] = []
    /// STORE_TEXT=false keeps no text in the database.
    public var storeText = true
    /// VALENCE_API_KEY: required by management endpoints when set.
    public var apiKey: String?
    public var limits = APILimits()
    /// Records waiting to be written at most (DESIGN.md section 5: at least 10,000).
    public var writeBufferCapacity = 10_000
    /// The circuit breaker around model calls (FAILSAFE_* variables).
    public var breaker = CircuitBreakerConfiguration()
    /// `valence serve` runs a job worker and the source poller in process (`--workers 0` turns them off);
    /// a gateway never does: `valence worker` processes do that work.
    public var inProcessWorker = true
    /// How job workers claim and pace their work (JOB_LEASE_SECONDS, JOB_CHUNK_SIZE).
    public var worker = JobWorkerConfiguration()
    /// The alert rules evaluated on the stored predictions and breaker events.
    public var alertRules = AlertRules()
    /// How often the alert rules are evaluated (ALERT_INTERVAL_SECONDS, default 30).
    public var alertInterval: Duration = .seconds(30)
    /// Gateway only: the model-service replicas (`--model-service-url`, MODEL_SERVICE_URL); empty → models run
    /// in process.
    public var modelServiceURLs: [String] = []
    /// Gateway only: the longest a model-service call may take (MODEL_SERVICE_TIMEOUT seconds, default 10).
    public var modelServiceTimeout: Duration = .seconds(10)
    /// Gateway only: the longest a connection to a model service may take to open.
    public var modelServiceConnectTimeout: Duration = .seconds(1)

    public init(dataDirectory: URL = ServeConfiguration.defaultDataDirectory) {
        self.dataDirectory = dataDirectory
    }

    /// The default model key after all sources are applied.
    public var resolvedDefaultModel: String {
        defaultModel ?? modelFolders.first?.key ?? "distilbert-sentiment"
    }

    /// The database: `--database-url`/DATABASE_URL, else the POSTGRES_* variables, else `DATA_DIR/valence.sqlite`.
    public func databaseConfiguration() throws -> DatabaseConfiguration {
        do {
            return try DatabaseConfiguration.resolve(url: databaseURL, environment: environment, dataDirectory: dataDirectory)
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    /// The hub and model cache settings: the environment's, caching under `DATA_DIR/models` by default.
    public func hubConfiguration() throws -> HubConfiguration {
        do {
            return try HubConfiguration(environment: environment,
                                        defaultCacheRoot: dataDirectory.appendingPathComponent("models", isDirectory: true))
        } catch {
            throw ConfigurationError("\(error)")
        }
    }

    /// `~/.valence`.
    public static var defaultDataDirectory: URL {
        let home = ProcessInfo.processInfo.environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".valence", isDirectory: true)
    }

    /// Applies the environment variables this process reads.
    public mutating func apply(environment: [String: String]) throws {
        self.environment = environment
        func integer(_ name: String) throws -> Int? {
            try environment[name].map { try Self.positiveInteger($0, name: name) }
        }
        if let path = environment["VALENCE_CONFIG"], !path.isEmpty { try apply(configurationFile: path) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { databaseURL = url }
        if let model = environment["PRELOAD_MODEL"], !model.isEmpty { defaultModel = model }
        if let store = environment["STORE_TEXT"] { storeText = try Self.bool(store, name: "STORE_TEXT") }
        if let key = environment["VALENCE_API_KEY"], !key.isEmpty { apiKey = key }
        if let n = try integer("FAILSAFE_MAX_LLM_FAILURES") { breaker.maxFailures = n }
        if let n = try integer("FAILSAFE_FAILURE_WINDOW_SECONDS") { breaker.failureWindow = .seconds(n) }
        if let n = try integer("FAILSAFE_CIRCUIT_BREAKER_TIMEOUT") { breaker.openTimeout = .seconds(n) }
        if let n = try integer("BATCH_MAX_TOKENS") { batching.maxBatchTokens = n }
        if let n = try integer("BATCH_MAX_SIZE") { batching.maxBatchSize = n }
        if let n = try integer("BATCH_MAX_WAIT_MS") { batching.maxWait = .milliseconds(n) }
        if let n = try integer("BATCH_QUEUE_CAPACITY") { batching.queueCapacity = n }
        if let n = try integer("BATCH_TIMEOUT_SECONDS") { batching.requestTimeout = .seconds(n) }
        if let n = try integer("JOB_LEASE_SECONDS") { worker.lease = .seconds(n) }
        if let n = try integer("JOB_CHUNK_SIZE") { worker.chunkSize = n }
        if let n = try integer("ALERT_INTERVAL_SECONDS") { alertInterval = .seconds(n) }
        if let n = try integer("MODEL_SERVICE_TIMEOUT") { modelServiceTimeout = .seconds(n) }
        if let value = environment["FAILSAFE_FAILURE_RATE"] {
            guard let rate = Double(value), rate > 0, rate <= 1 else {
                throw ConfigurationError("FAILSAFE_FAILURE_RATE must be a share between 0 and 1, not '\(value)'")
            }
            breaker.failureRateThreshold = rate
        }
        if let n = try integer("FAILSAFE_MINIMUM_CALLS") { breaker.minimumCalls = n }
        if let value = environment["FAILSAFE_SLOW_CALL_SECONDS"] {
            guard let seconds = Double(value), seconds > 0 else {
                throw ConfigurationError("FAILSAFE_SLOW_CALL_SECONDS must be a positive number of seconds, not '\(value)'")
            }
            breaker.slowCallThreshold = .milliseconds(Int64(seconds * 1000))
        }
    }

    /// Adds a configuration file's models (to the catalog, or as folders) and sources; see `ConfigurationFile`.
    public mutating func apply(configurationFile path: String) throws {
        let file = try ConfigurationFile.load(path: path)
        catalog = ModelCatalog(entries: ModelCatalog.builtIn + file.catalogEntries)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        modelFolders.removeAll { folder in file.models.contains { $0.key == folder.key } }
        modelFolders += file.modelFolders(relativeTo: base)
        sources = file.sources
    }

    /// Parses a comma-separated list of model-service base URLs (`http://host:port`).
    public static func modelServiceURLs(_ list: String) throws -> [String] {
        let urls = try list.split(separator: ",").map { item -> String in
            var text = item.trimmingCharacters(in: .whitespaces)
            while text.hasSuffix("/") { text.removeLast() }
            guard let url = URL(string: text), url.scheme == "http" || url.scheme == "https", url.host != nil,
                  url.path.isEmpty, url.query == nil else {
                throw ConfigurationError("model service URL must look like http://host:port, not '\(item)'")
            }
            return text
        }
        guard !urls.isEmpty else { throw ConfigurationError("no model service URL given") }
        return urls
    }

    static func positiveInteger(_ value: String, name: String) throws -> Int {
        guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number > 0 else {
            throw ConfigurationError("\(name) must be a positive whole number, not '\(value)'")
        }
        return number
    }

    static func bool(_ value: String, name: String) throws -> Bool {
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError("\(name) must be true or false, not '\(value)'")
        }
    }
}

/// A configuration value that cannot be used; the message says which and why.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
