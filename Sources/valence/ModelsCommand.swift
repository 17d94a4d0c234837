import ArgumentParser
import Foundation
import ValenceApp
import ValenceCore

/// `valence models list|pull|rm`: the model cache (HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE, VALENCE_MODEL_CACHE).
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List, download and remove models in the model cache.",
        subcommands: [List.self, Pull.self, Remove.self]
    )

    struct CacheOptions: ParsableArguments {
        @Option(name: .customLong("data-dir"), help: "Folder of the model cache unless VALENCE_MODEL_CACHE is set (default ~/.valence).")
        var dataDirectory: String?
        @OptionGroup var config: ConfigurationFileOption

        func commands() throws -> ModelCacheCommands {
            var configuration = ServeConfiguration()
            do {
                try configuration.apply(environment: config.environment(ProcessInfo.processInfo.environment))
                if let dataDirectory { configuration.dataDirectory = URL(fileURLWithPath: dataDirectory) }
                try config.apply(to: &configuration)
                return try ModelCacheCommands(configuration: configuration, logger: makeProcessLogger())
            } catch let error as ConfigurationError {
                throw fail(error.description)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Catalog models and what is downloaded.")
        @OptionGroup var options: CacheOptions

        func run() async throws {
            for line in try options.commands().list() { print(line) }
        }
    }

    struct Pull: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pull", abstract: "Download a model (resumable, verified); prints its folder.")
        @Argument(help: "A catalog key or alias (distilbert-sentiment, twitter-roberta, …) or OWNER/NAME[@REVISION].")
        var model: String
        @OptionGroup var options: CacheOptions

        func run() async throws {
            do {
                print(try await options.commands().pull(model).path)
            } catch let error as ExitCode {
                throw error
            } catch {
                throw fail("\(error)")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete a model from the cache.")
        @Argument(help: "A catalog key or alias, or OWNER/NAME.") var model: String
        @OptionGroup var options: CacheOptions

        func run() async throws {
            do {
                let removed = try options.commands().remove(model)
                printError(removed ? "removed \(model)" : "\(model) was not in the cache")
            } catch let error as ExitCode {
                throw error
            } catch {
                throw fail("\(error)")
            }
        }
    }
}
