import ArgumentParser
import Foundation
import ValenceApp

/// `valence worker`: claims batch-job items from the database and polls live sources, scoring through the same
/// prediction path as the API (models in process, or model services with `--model-service-url`).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Score batch jobs and poll live sources from the shared database."
    )

    @Option(name: .customLong("data-dir"), help: "Folder of the embedded database and model cache (default ~/.valence).")
    var dataDirectory: String?
    @Option(name: .customLong("database-url"), help: "postgres://USER:PASSWORD@HOST:PORT/DB or sqlite:PATH. Overrides DATABASE_URL.")
    var databaseURL: String?
    @Option(name: .customLong("model-service-url"), help: "Model service base URL(s), comma-separated; default: models in process.")
    var modelServiceURL: String?
    @Option(name: .customLong("model-dir"), help: "A HuggingFace-layout classifier folder served in process (repeatable).")
    var modelDirectories: [String] = []
    @Option(name: .customLong("default-model"), help: "The model for jobs without one. Overrides PRELOAD_MODEL.")
    var defaultModel: String?

    func run() async throws {
        exitWithParentIfAsked()
        let logger = makeProcessLogger()
        var configuration = ServeConfiguration()
        do {
            let environment = ProcessInfo.processInfo.environment
            try configuration.apply(environment: environment)
            if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
            if let databaseURL { configuration.databaseURL = databaseURL }
            if let urls = modelServiceURL ?? environment["MODEL_SERVICE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
                configuration.modelServiceURLs = try ServeConfiguration.modelServiceURLs(urls)
            }
            configuration.modelDirectories = modelDirectories.map { URL(fileURLWithPath: $0, isDirectory: true) }
            if let defaultModel { configuration.defaultModel = defaultModel }
            let worker = try await buildWorker(configuration: configuration, logger: logger)
            // Scripts and tests wait for this line.
            FileHandle.standardOutput.write(Data("worker started \(configuration.worker.workerID)\n".utf8))
            try await worker.run()
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }
}
