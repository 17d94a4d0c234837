import ArgumentParser

/// `valence bench`: benchmarks that report our figure beside a peer's from the same run.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks against peers measured in the same run.",
        subcommands: [BenchVaderCommand.self, BenchEngineCommand.self, BenchHTTPCommand.self, BenchJobsCommand.self]
    )
}
