import ArgumentParser
import Foundation
import Logging
import ValenceApp

/// Where a process keeps its data: `--data-dir`, `--database-url`.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the SQLite database and the model cache (default ~/.valence).")
    var dataDirectory: String?
    @Option(name: .customLong("database-url"),
            help: "postgres://USER:PASSWORD@HOST:PORT/DB or sqlite:PATH (default: POSTGRES_* variables, else DATA_DIR/valence.sqlite). Overrides DATABASE_URL.")
    var databaseURL: String?

    func apply(to configuration: inout ServeConfiguration) {
        if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
        if let databaseURL { configuration.databaseURL = databaseURL }
    }
}

/// `--config FILE`: extra models and live sources (see `ConfigurationFile`). Replaces VALENCE_CONFIG's file.
struct ConfigurationFileOption: ParsableArguments {
    @Option(name: .customLong("config"), help: "A JSON file declaring extra models and live sources. Replaces VALENCE_CONFIG.")
    var path: String?

    /// The environment to apply before the flags: without VALENCE_CONFIG when `--config` replaces it.
    func environment(_ environment: [String: String]) -> [String: String] {
        path == nil ? environment : environment.filter { $0.key != "VALENCE_CONFIG" }
    }

    func apply(to configuration: inout ServeConfiguration) throws {
        if let path { try configuration.apply(configurationFile: path) }
    }
}

/// Which models a process runs itself: `--model-dir` (repeatable), `--default-model`.
struct LocalModelOptions: ParsableArguments {
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder served under its folder name (repeatable).")
    var modelDirectories: [String] = []
    @Option(name: .customLong("default-model"), help: "The model for requests without one. Overrides PRELOAD_MODEL.")
    var defaultModel: String?

    func apply(to configuration: inout ServeConfiguration) {
        configuration.modelFolders += modelDirectories.map { ModelFolder(url: URL(fileURLWithPath: $0, isDirectory: true)) }
        if let defaultModel { configuration.defaultModel = defaultModel }
    }
}

/// Runs a long-lived process: the environment first, then the command's flags (`configure`), then `body`; a
/// configuration error ends it with a clear message.
func runProcess(config: ConfigurationFileOption? = nil, _ configure: (inout ServeConfiguration, [String: String]) throws -> Void,
                _ body: (ServeConfiguration, Logger) async throws -> Void) async throws {
    exitWithParentIfAsked()
    let logger = makeProcessLogger()
    var configuration = ServeConfiguration()
    do {
        let environment = config?.environment(ProcessInfo.processInfo.environment) ?? ProcessInfo.processInfo.environment
        try configuration.apply(environment: environment)
        try configure(&configuration, environment)
        try await body(configuration, logger)
    } catch let error as ConfigurationError {
        throw fail(error.description)
    }
}

/// `--model-service-url`, else MODEL_SERVICE_URL, parsed; nil when neither is set.
func modelServiceURLs(_ flag: String?, environment: [String: String]) throws -> [String]? {
    guard let urls = flag ?? environment["MODEL_SERVICE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
    return try ServeConfiguration.modelServiceURLs(urls)
}
