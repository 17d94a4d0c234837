import Foundation
import Logging
import SQLiteKit
import ValenceSources
import ValenceStorage
import ValenceTestSupport

/// Runs `body` with a source repository over a fresh, migrated in-memory SQLite database.
func withSourceRepository<T>(_ body: (SQLSourceRepository) async throws -> T) async throws -> T {
    let threadPool = NIOThreadPool(numberOfThreads: 1)
    threadPool.start()
    let connection = try await SQLiteConnection.open(storage: .memory, threadPool: threadPool, logger: .quiet,
                                                     on: MultiThreadedEventLoopGroup.singleton.any())
    func close() async {
        try? await connection.close()
        try? await threadPool.shutdownGracefully()
    }
    do {
        try await Migrator().run(on: connection.sql(), logger: .quiet)
        let result = try await body(SQLSourceRepository(database: connection.sql()))
        await close()
        return result
    } catch {
        await close()
        throw error
    }
}

/// Runs `body` with a source HTTP client whose waits are short enough for tests, shut down afterwards.
func withSourceHTTPClient<T>(maximumBackoff: Duration = .seconds(2), retries: Int = 2,
                             _ body: (SourceHTTPClient) async throws -> T) async throws -> T {
    let configuration = SourceHTTPConfiguration(userAgent: SourceHTTPConfiguration.userAgent(contact: "ops@example.org"),
                                                connectTimeout: .seconds(2), requestTimeout: .seconds(5),
                                                maximumBodyBytes: 1 << 20, maximumRateLimitRetries: retries,
                                                maximumBackoff: maximumBackoff, initialBackoff: .milliseconds(100))
    let client = SourceHTTPClient(configuration: configuration, logger: .quiet)
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// A `known` answer for clients under test: nothing is known.
let nothingKnown: @Sendable ([String]) async throws -> Set<String> = { _ in [] }
