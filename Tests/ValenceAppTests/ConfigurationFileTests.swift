import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ValenceApp
import ValenceCore
import ValenceTestSupport

@Suite("Configuration file (--config, VALENCE_CONFIG)")
struct ConfigurationFileTests {
    static let valid = """
        {"models": [{"key": "finbert", "repository": "ProsusAI/finbert", "aliases": ["fin"]},
                    {"key": "house", "path": "models/house"}],
         "sources": [{"kind": "reddit", "name": "r-science", "subreddit": "science", "poll_interval_seconds": 60},
                     {"kind": "feed", "name": "world", "url": "https://example.org/world.rss", "enabled": false}]}
        """

    private func withFile<T>(_ text: String, _ body: (String) async throws -> T) async throws -> T {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("valence.json").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return try await body(path)
        }
    }

    @Test("hub models join the catalog, folders resolve against the file's folder, sources are read")
    func valid() async throws {
        try await withFile(Self.valid) { path in
            var configuration = ServeConfiguration()
            try configuration.apply(environment: ["VALENCE_CONFIG": path])
            #expect(configuration.catalog.entry(for: "fin")?.repository == "ProsusAI/finbert")
            #expect(configuration.catalog.entry(for: "finbert")?.revision == "main")
            #expect(configuration.catalog.entry(for: "distilbert")?.key == "distilbert-sentiment")
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("models/house").standardizedFileURL
            #expect(configuration.modelFolders.map(\.key) == ["house"])
            #expect(configuration.modelFolders.map(\.url.path) == [folder.path])
            #expect(configuration.sources.map(\.name) == ["r-science", "world"])
            #expect(configuration.sources[0].pollInterval == .seconds(60) && configuration.sources[0].includeComments)
            #expect(configuration.sources[1].enabled == false)
        }
    }

    @Test("mistakes are refused naming the entry", arguments: [
        ("{", "not valid JSON"),
        (#"{"models": [{"repository": "a/b"}]}"#, "models[0].key is missing"),
        (#"{"models": [{"key": "x", "repository": "a/b", "path": "p"}]}"#, "exactly one of 'repository' and 'path'"),
        (#"{"models": [{"key": "x"}]}"#, "exactly one of 'repository' and 'path'"),
        (#"{"models": [{"key": "distilbert", "repository": "a/b"}]}"#, "'distilbert' is already taken"),
        (#"{"models": [{"key": "x", "repository": "../etc"}]}"#, "models[0] ('x')"),
        (#"{"models": [{"key": "x", "repository": "a/b", "revision": "../../x"}]}"#, "models[0] ('x')"),
        (#"{"models": [{"key": "a/b", "path": "p"}]}"#, "not a usable model key"),
        (#"{"sources": [{"kind": "reddit", "name": "r", "subreddit": "no spaces"}]}"#, "sources[0] ('r')"),
        (#"{"sources": [{"kind": "gopher", "name": "g"}]}"#, "sources[0].kind"),
        (#"{"sources": [{"kind": "feed", "name": "f", "url": "https://a.org/x"}, {"kind": "feed", "name": "f", "url": "https://a.org/y"}]}"#, "appears twice"),
    ])
    func refused(_ text: String, _ message: String) async throws {
        try await withFile(text) { path in
            var configuration = ServeConfiguration()
            do {
                try configuration.apply(configurationFile: path)
                Issue.record("accepted: \(text)")
            } catch let error as ConfigurationError {
                #expect(error.description.contains(message), "\(error)")
                #expect(error.description.contains(path))
            }
        }
    }

    @Test("a missing file is refused")
    func missing() {
        var configuration = ServeConfiguration()
        #expect(throws: ConfigurationError.self) { try configuration.apply(configurationFile: "/nonexistent/valence.json") }
    }

    @Test("at start the file's sources are stored by name (changed ones updated) and its models listed")
    func appliedAtStart() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("valence.json").path
            let hubOnly = Self.valid.replacingOccurrences(of: #"{"key": "house", "path": "models/house"}"#,
                                                          with: #"{"key": "house", "path": "."}"#)
            try hubOnly.write(toFile: path, atomically: true, encoding: .utf8)
            for interval in [60, 120] {
                try hubOnly.replacingOccurrences(of: "\"poll_interval_seconds\": 60", with: "\"poll_interval_seconds\": \(interval)")
                    .write(toFile: path, atomically: true, encoding: .utf8)
                var configuration = ServeConfiguration(dataDirectory: directory)
                try configuration.apply(configurationFile: path)
                configuration.inProcessWorker = false
                let app = try await buildApplication(configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
                try await app.test(.router) { client in
                    try await client.execute(uri: "/sources", method: .get) { response in
                        let sources = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["sources"] as? [[String: Any]]
                        #expect(sources?.map { $0["name"] as? String } == ["r-science", "world"])
                        #expect(sources?.first?["poll_interval_seconds"] as? Double == Double(interval))
                    }
                    try await client.execute(uri: "/status", method: .get) { response in
                        let listing = String(buffer: response.body)
                        #expect(listing.contains("\"finbert\"") && listing.contains("\"house\""))
                    }
                }
            }
        }
    }

    @Test("a model folder that does not exist stops the start with a clear error")
    func missingFolder() async throws {
        try await withFile(Self.valid) { path in
            var configuration = ServeConfiguration(dataDirectory: URL(fileURLWithPath: path).deletingLastPathComponent())
            try configuration.apply(configurationFile: path)
            do {
                _ = try await buildApplication(configuration: configuration, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
                Issue.record("started without the folder")
            } catch let error as ConfigurationError {
                #expect(error.description.contains("models/house") && error.description.contains("does not exist"))
            }
        }
    }
}
