import Foundation
import Testing
import ValenceApp
import ValenceDatabase

@Suite("Configuration")
struct ConfigurationTests {
    let dataDirectory = URL(fileURLWithPath: "/data")

    @Test("database URLs", arguments: [
        (nil as String?, "/data/valence.sqlite"), ("sqlite:/tmp/x.db", "/tmp/x.db"), ("sqlite:///tmp/y.db", "/tmp/y.db"),
        ("relative.db", "relative.db"),
    ])
    func databaseLocation(url: String?, path: String) throws {
        var configuration = ServeConfiguration(dataDirectory: dataDirectory)
        configuration.databaseURL = url
        #expect(try configuration.databaseConfiguration() == .sqlite(path: path))
    }

    @Test("unusable database URLs are explained", arguments: ["postgres://u@h/db", "mysql://x", "sqlite:"])
    func unsupported(url: String) {
        var configuration = ServeConfiguration(dataDirectory: dataDirectory)
        configuration.databaseURL = url
        #expect(throws: ConfigurationError.self) { try configuration.databaseConfiguration() }
    }

    @Test("environment variables apply; bad booleans are rejected")
    func environment() throws {
        var configuration = ServeConfiguration(dataDirectory: dataDirectory)
        try configuration.apply(environment: ["PRELOAD_MODEL": "vader", "STORE_TEXT": "false", "VALENCE_API_KEY": "k",
                                              "DATABASE_URL": "sqlite:/x.db"])
        #expect(configuration.defaultModel == "vader")
        #expect(configuration.storeText == false)
        #expect(configuration.apiKey == "k")
        #expect(configuration.databaseURL == "sqlite:/x.db")
        #expect(throws: ConfigurationError.self) { try configuration.apply(environment: ["STORE_TEXT": "maybe"]) }
    }

    @Test("breaker settings come from FAILSAFE_* variables")
    func breakerEnvironment() throws {
        var configuration = ServeConfiguration(dataDirectory: dataDirectory)
        try configuration.apply(environment: ["FAILSAFE_MAX_LLM_FAILURES": "5", "FAILSAFE_FAILURE_WINDOW_SECONDS": "30",
                                              "FAILSAFE_CIRCUIT_BREAKER_TIMEOUT": "2"])
        #expect(configuration.breaker.maxFailures == 5)
        #expect(configuration.breaker.failureWindow == .seconds(30))
        #expect(configuration.breaker.openTimeout == .seconds(2))
        #expect(throws: ConfigurationError.self) { try configuration.apply(environment: ["FAILSAFE_MAX_LLM_FAILURES": "0"]) }
        #expect(throws: ConfigurationError.self) { try configuration.apply(environment: ["FAILSAFE_CIRCUIT_BREAKER_TIMEOUT": "soon"]) }
    }
}
