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

    @OptionGroup var storage: StorageOptions
    @OptionGroup var config: ConfigurationFileOption
    @Option(name: .customLong("model-service-url"), help: "Model service base URL(s), comma-separated; default: models in process.")
    var modelServiceURL: String?
    @OptionGroup var models: LocalModelOptions

    func run() async throws {
        try await runProcess(config: config, { configuration, environment in
            try config.apply(to: &configuration)
            storage.apply(to: &configuration)
            configuration.modelServiceURLs = try modelServiceURLs(modelServiceURL, environment: environment) ?? []
            models.apply(to: &configuration)
        }, { configuration, logger in
            let worker = try await buildWorker(configuration: configuration, logger: logger)
            // Scripts and tests wait for this line.
            FileHandle.standardOutput.write(Data("worker started \(configuration.worker.workerID)\n".utf8))
            try await worker.run()
        })
    }
}
