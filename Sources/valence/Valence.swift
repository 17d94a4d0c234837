import ArgumentParser
import ValenceCore

/// The `valence` command: the platform's processes and command-line tools.
@main
struct Valence: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "valence",
        abstract: "Sentiment analysis for social-media text.",
        version: ValenceVersion.current,
        subcommands: [ServeCommand.self, GatewayCommand.self, ModelServiceCommand.self, WorkerCommand.self, ModelsCommand.self, JobsCommand.self, AnalyzeCommand.self, TokenizeCommand.self, EmbedCommand.self, EvalCommand.self, MigrateCommand.self, BenchCommand.self]
    )
}
