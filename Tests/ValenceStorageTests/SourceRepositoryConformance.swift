import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

/// The `SourceRepository` conformance suite: every check runs on any migrated `SQLDatabase`.
enum SourceRepositoryConformance {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let redditID = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let feedID = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let reddit = SourceConfiguration.reddit(name: "r/swift", subreddit: "swift", pollInterval: .seconds(60),
                                                   includeComments: true, maxItemsPerPoll: 50)
    static let feed = SourceConfiguration.feed(name: "swift.org", url: "https://www.swift.org/atom.xml", pollInterval: .seconds(600))

    static func item(_ index: Int, source: UUID = redditID, kind: SourceItemKind = .post) -> SourceItem {
        SourceItem(sourceID: source, externalID: "t3_\(index)", kind: kind, text: "text \(index)",
                   authorHash: SourceItem.authorHash(of: "author\(index)"), createdAt: start.addingTimeInterval(Double(index)),
                   link: "https://www.reddit.com/r/swift/comments/\(index)/")
    }

    static let checks: [ConformanceCheck] = [
        ConformanceCheck("created sources come back by id and in creation order", createAndList),
        ConformanceCheck("a taken name or an invalid configuration is refused", createRefused),
        ConformanceCheck("unknown ids are not found", unknownIDs),
        ConformanceCheck("failing and recovering are stored with the reason and validators", stateChanges),
        ConformanceCheck("enabling, disabling and deleting", enableAndDelete),
        ConformanceCheck("recording items returns only the new ones, per source", recordReturnsNew),
        ConformanceCheck("known ids, attached predictions and released claims", attachAndRelease),
        ConformanceCheck("upsert creates by name, then replaces the settings and keeps id, state and items", upsert),
    ]

    static func upsert(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        let created = try await repository.upsert(reddit, at: start)
        #expect(created.configuration == reddit && created.createdAt == start)
        try await repository.markFailing(id: created.id, reason: "HTTP 500", at: start)
        _ = try await repository.recordItems([item(1, source: created.id)])
        var changed = reddit
        changed.subreddit = "AskScience"
        changed.pollInterval = .seconds(60)
        changed.enabled = false
        let updated = try await repository.upsert(changed, at: start.addingTimeInterval(10))
        #expect(updated.id == created.id && updated.configuration == changed && updated.createdAt == start)
        #expect(updated.state == .failing && updated.lastError == "HTTP 500")
        #expect(try await repository.items(sourceID: created.id, limit: 10).count == 1)
        #expect(try await repository.list().count == 1)
        var invalid = reddit
        invalid.subreddit = "no spaces"
        await #expect(throws: ValenceError.self) { try await repository.upsert(invalid, at: start) }
    }

    static func createAndList(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        let created = try await repository.create(reddit, id: redditID, at: start)
        #expect(created == Source(id: redditID, configuration: reddit, createdAt: start))
        _ = try await repository.create(feed, id: feedID, at: start.addingTimeInterval(1))
        #expect(try await repository.get(id: redditID) == created)
        #expect(try await repository.list().map(\.id) == [redditID, feedID])
        #expect(try await repository.get(id: feedID).configuration == feed)
        #expect(created.isDue(at: start))
    }

    static func createRefused(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        _ = try await repository.create(reddit, id: redditID, at: start)
        var sameName = feed
        sameName.name = reddit.name
        await #expect(throws: ValenceError.invalidInput("a source named 'r/swift' already exists")) {
            try await repository.create(sameName, id: feedID, at: start)
        }
        var invalid = reddit
        invalid.subreddit = "no/such"
        invalid.name = "other"
        await #expect(throws: ValenceError.self) { try await repository.create(invalid, id: feedID, at: start) }
        #expect(try await repository.list().count == 1)
    }

    static func unknownIDs(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        await #expect(throws: ValenceError.self) { try await repository.get(id: feedID) }
        await #expect(throws: ValenceError.self) { try await repository.setEnabled(id: feedID, false) }
        await #expect(throws: ValenceError.self) { try await repository.delete(id: feedID) }
    }

    static func stateChanges(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        _ = try await repository.create(feed, id: feedID, at: start)
        let validators = HTTPValidators(etag: "\"v1\"", lastModified: "Tue, 10 Jun 2003 04:00:00 GMT")
        try await repository.markPolled(id: feedID, at: start.addingTimeInterval(10), validators: validators)
        try await repository.markFailing(id: feedID, reason: "https://x answered HTTP 500", at: start.addingTimeInterval(20))
        let failing = try await repository.get(id: feedID)
        #expect(failing.state == .failing)
        #expect(failing.lastError == "https://x answered HTTP 500")
        #expect(failing.lastPolledAt == start.addingTimeInterval(20))
        #expect(failing.validators == validators)
        #expect(!failing.isDue(at: start.addingTimeInterval(600)))
        #expect(failing.isDue(at: start.addingTimeInterval(620)))
        try await repository.markPolled(id: feedID, at: start.addingTimeInterval(30), validators: .none)
        let recovered = try await repository.get(id: feedID)
        #expect(recovered.state == .ok)
        #expect(recovered.lastError == nil)
        #expect(recovered.validators == .none)
    }

    static func enableAndDelete(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        _ = try await repository.create(reddit, id: redditID, at: start)
        let disabled = try await repository.setEnabled(id: redditID, false)
        #expect(!disabled.configuration.enabled)
        #expect(!disabled.isDue(at: start))
        #expect(try await repository.setEnabled(id: redditID, true).configuration.enabled)
        _ = try await repository.recordItems([item(1)])
        try await repository.delete(id: redditID)
        #expect(try await repository.list().isEmpty)
        #expect(try await repository.items(sourceID: redditID, limit: 10).isEmpty)
        // The name is free again, and so are the item keys.
        _ = try await repository.create(reddit, id: redditID, at: start)
        #expect(try await repository.recordItems([item(1)]) == [item(1)])
    }

    static func recordReturnsNew(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        _ = try await repository.create(reddit, id: redditID, at: start)
        _ = try await repository.create(feed, id: feedID, at: start)
        #expect(try await repository.recordItems([item(1), item(2), item(1)]) == [item(1), item(2)])
        #expect(try await repository.recordItems([item(3), item(2), item(1)]) == [item(3)])
        // The same external id under another source is another item.
        #expect(try await repository.recordItems([item(1, source: feedID)]) == [item(1, source: feedID)])
        #expect(try await repository.recordItems([]) == [])
        let many = (10..<460).map { item($0) }
        #expect(try await repository.recordItems(many) == many)
        let stored = try await repository.items(sourceID: redditID, limit: 2)
        #expect(stored == [item(459), item(458)].map { item in
            StoredSourceItem(sourceID: redditID, externalID: item.externalID, kind: .post, predictionID: nil,
                             createdAt: item.createdAt, link: item.link, authorHash: item.authorHash)
        })
    }

    static func attachAndRelease(_ database: any SQLDatabase) async throws {
        let repository = SQLSourceRepository(database: database)
        _ = try await repository.create(reddit, id: redditID, at: start)
        _ = try await repository.recordItems([item(1), item(2, kind: .comment), item(3)])
        #expect(try await repository.knownExternalIDs(sourceID: redditID, among: ["t3_1", "t3_2", "t3_9"]) == ["t3_1", "t3_2"])
        #expect(try await repository.knownExternalIDs(sourceID: feedID, among: ["t3_1"]).isEmpty)
        let prediction = UUID()
        try await repository.attachPredictions(sourceID: redditID, ["t3_1": prediction])
        try await repository.releaseItems(sourceID: redditID, externalIDs: ["t3_1", "t3_2"])
        let stored = try await repository.items(sourceID: redditID, limit: 10)
        #expect(stored.map(\.externalID) == ["t3_3", "t3_1"])
        #expect(stored.last?.predictionID == prediction)
        #expect(try await repository.recordItems([item(2, kind: .comment)]).count == 1)
    }

    static func concurrentClaims(_ sessions: [any SQLDatabase]) async throws {
        let first = SQLSourceRepository(database: sessions[0])
        let second = SQLSourceRepository(database: sessions[1])
        _ = try await first.create(reddit, id: redditID, at: start)
        let items = (0..<300).map { item($0) }
        async let claimedByFirst = first.recordItems(items)
        async let claimedBySecond = second.recordItems(items.reversed())
        let (a, b) = try await (claimedByFirst, claimedBySecond)
        #expect(a.count + b.count == items.count)
        #expect(Set(a.map(\.externalID)).isDisjoint(with: b.map(\.externalID)))
    }
}

@Suite("Source repository conformance")
struct SourceRepositoryTests {
    @Test("conformance", arguments: TestDatabase.available, SourceRepositoryConformance.checks)
    func conformance(_ target: TestDatabase, _ check: ConformanceCheck) async throws {
        try await target.withDatabase(check.run)
    }

    @Test("concurrent pollers claim each item once", arguments: TestDatabase.available)
    func concurrentClaims(_ target: TestDatabase) async throws {
        try await target.withSessions(2) { sessions in
            try await ExclusiveMigrator(migrator: Migrator()).run(on: sessions[0], logger: TestDatabase.logger)
            try await SourceRepositoryConformance.concurrentClaims(sessions)
        }
    }

    @Test("migration 5 is applied and recorded")
    func migrationRecorded() async throws {
        try await TestDatabase.sqlite.withDatabase { database in
            let versions = try await database.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                .map { try $0.decode(column: "version", as: Int.self) }
            #expect(versions.contains(5))
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM sources").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await database.raw("SELECT COUNT(*) AS n FROM source_items").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }
}
