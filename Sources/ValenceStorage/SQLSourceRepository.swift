import Foundation
import SQLKit
import ValenceCore

/// `SourceRepository` over any SQLKit database (SQLite, PostgreSQL); tables `sources` and `source_items`
/// (migration 5). Item deduplication is `INSERT … ON CONFLICT DO NOTHING RETURNING` on the unique key.
public struct SQLSourceRepository: SourceRepository {
    private let database: any SQLDatabase
    private static let columns: SQLQueryString = """
        id, kind, name, subreddit, url, poll_interval, include_comments, max_items, enabled, state, last_error, \
        last_polled_at, etag, last_modified, created_at
        """
    private static let itemColumns: SQLQueryString = "source_id, external_id, kind, prediction_id, created_at, link, author_hash"
    /// Rows per statement, well under both databases' bind limits.
    private let batchSize = 200

    public init(database: any SQLDatabase) {
        self.database = database
    }

    public func create(_ configuration: SourceConfiguration, id: UUID = UUID(), at time: Date) async throws -> Source {
        try configuration.validate()
        // Insert-ignore, then read back: a taken name (or id) leaves another row, or none, under this id.
        try await database.raw("""
            INSERT INTO sources (\(Self.columns)) VALUES \(Self.newRow(configuration, id: id, at: time))
            ON CONFLICT DO NOTHING
            """).run()
        guard let stored = try await find(id: id), stored.configuration.name == configuration.name,
              stored.createdAt == Date(timeIntervalSince1970: time.timeIntervalSince1970) else {
            throw ValenceError.invalidInput("a source named '\(configuration.name)' already exists")
        }
        return stored
    }

    @discardableResult
    public func upsert(_ configuration: SourceConfiguration, at time: Date) async throws -> Source {
        try configuration.validate()
        try await database.raw("""
            INSERT INTO sources (\(Self.columns)) VALUES \(Self.newRow(configuration, id: UUID(), at: time))
            ON CONFLICT (name) DO UPDATE SET
                kind = excluded.kind, subreddit = excluded.subreddit, url = excluded.url,
                poll_interval = excluded.poll_interval, include_comments = excluded.include_comments,
                max_items = excluded.max_items, enabled = excluded.enabled
            """).run()
        guard let stored = try await database.raw("SELECT \(Self.columns) FROM sources WHERE name = \(bind: configuration.name)")
            .first().map(Self.source(from:)) else {
            throw ValenceError.notFound("source '\(configuration.name)'")
        }
        return stored
    }

    public func list() async throws -> [Source] {
        try await database.raw("SELECT \(Self.columns) FROM sources ORDER BY created_at, id").all().map(Self.source(from:))
    }

    public func get(id: UUID) async throws -> Source {
        guard let source = try await find(id: id) else { throw ValenceError.notFound("source \(Self.text(id))") }
        return source
    }

    @discardableResult
    public func setEnabled(id: UUID, _ enabled: Bool) async throws -> Source {
        try await database.raw("UPDATE sources SET enabled = \(bind: enabled) WHERE id = \(bind: Self.text(id))").run()
        return try await get(id: id)
    }

    public func delete(id: UUID) async throws {
        _ = try await get(id: id)
        // SQLite enforces no foreign keys unless asked, so the items go explicitly.
        try await database.raw("DELETE FROM source_items WHERE source_id = \(bind: Self.text(id))").run()
        try await database.raw("DELETE FROM sources WHERE id = \(bind: Self.text(id))").run()
    }

    public func markPolled(id: UUID, at time: Date, validators: HTTPValidators) async throws {
        try await database.raw("""
            UPDATE sources SET state = \(bind: SourceState.ok.rawValue), last_error = NULL,
                               last_polled_at = \(bind: time.timeIntervalSince1970),
                               etag = \(bind: validators.etag), last_modified = \(bind: validators.lastModified)
            WHERE id = \(bind: Self.text(id))
            """).run()
    }

    public func markFailing(id: UUID, reason: String, at time: Date) async throws {
        try await database.raw("""
            UPDATE sources SET state = \(bind: SourceState.failing.rawValue), last_error = \(bind: reason),
                               last_polled_at = \(bind: time.timeIntervalSince1970)
            WHERE id = \(bind: Self.text(id))
            """).run()
    }

    public func knownExternalIDs(sourceID: UUID, among externalIDs: [String]) async throws -> Set<String> {
        var known: Set<String> = []
        for batch in Self.batches(Array(Set(externalIDs)), size: batchSize * 4) {
            let rows = try await database.raw("""
                SELECT external_id FROM source_items
                WHERE source_id = \(bind: Self.text(sourceID)) AND external_id IN (\(binds: Array(batch)))
                """).all()
            for row in rows { known.insert(try row.decode(column: "external_id", as: String.self)) }
        }
        return known
    }

    public func recordItems(_ items: [SourceItem]) async throws -> [SourceItem] {
        var seen: Set<String> = []
        let unique = items.filter { seen.insert("\(Self.text($0.sourceID))/\($0.externalID)").inserted }
        // Concurrent pollers insert in one global key order: PostgreSQL's speculative insertions wait on each
        // other row by row, and two statements taking the same keys in different orders would deadlock.
        let ordered = unique.sorted { (Self.text($0.sourceID), $0.externalID) < (Self.text($1.sourceID), $1.externalID) }
        var inserted: Set<String> = []
        for batch in Self.batches(ordered, size: batchSize) {
            let values = SQLList(batch.map { item -> any SQLExpression in
                let row: SQLQueryString = """
                    (\(bind: Self.text(item.sourceID)), \(bind: item.externalID), \(bind: item.kind.rawValue), NULL,
                     \(bind: item.createdAt.timeIntervalSince1970), \(bind: item.link), \(bind: item.authorHash))
                    """
                return row
            })
            let rows = try await database.raw("""
                INSERT INTO source_items (\(Self.itemColumns)) VALUES \(values)
                ON CONFLICT (source_id, external_id) DO NOTHING
                RETURNING source_id, external_id
                """).all()
            for row in rows {
                inserted.insert("\(try row.decode(column: "source_id", as: String.self))/\(try row.decode(column: "external_id", as: String.self))")
            }
        }
        return unique.filter { inserted.contains("\(Self.text($0.sourceID))/\($0.externalID)") }
    }

    public func attachPredictions(sourceID: UUID, _ predictions: [String: UUID]) async throws {
        for (externalID, predictionID) in predictions {
            try await database.raw("""
                UPDATE source_items SET prediction_id = \(bind: Self.text(predictionID))
                WHERE source_id = \(bind: Self.text(sourceID)) AND external_id = \(bind: externalID)
                """).run()
        }
    }

    public func releaseItems(sourceID: UUID, externalIDs: [String]) async throws {
        for batch in Self.batches(externalIDs, size: batchSize * 4) {
            try await database.raw("""
                DELETE FROM source_items
                WHERE source_id = \(bind: Self.text(sourceID)) AND prediction_id IS NULL AND external_id IN (\(binds: Array(batch)))
                """).run()
        }
    }

    public func items(sourceID: UUID, limit: Int) async throws -> [StoredSourceItem] {
        try await database.raw("""
            SELECT \(Self.itemColumns) FROM source_items WHERE source_id = \(bind: Self.text(sourceID))
            ORDER BY created_at DESC, external_id LIMIT \(bind: max(0, limit))
            """).all().map(Self.item(from:))
    }

    private func find(id: UUID) async throws -> Source? {
        try await database.raw("SELECT \(Self.columns) FROM sources WHERE id = \(bind: Self.text(id))")
            .first().map(Self.source(from:))
    }

    /// The `sources` row of a new source: state `ok`, never polled.
    private static func newRow(_ configuration: SourceConfiguration, id: UUID, at time: Date) -> SQLQueryString {
        """
        (\(bind: text(id)), \(bind: configuration.kind.rawValue), \(bind: configuration.name),
         \(bind: configuration.subreddit), \(bind: configuration.feedURL),
         \(bind: configuration.pollInterval.inMilliseconds / 1_000), \(bind: configuration.includeComments),
         \(bind: configuration.maxItemsPerPoll), \(bind: configuration.enabled),
         \(bind: SourceState.ok.rawValue), NULL, NULL, NULL, NULL, \(bind: time.timeIntervalSince1970))
        """
    }

    private static func batches<Element>(_ elements: [Element], size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: elements.count, by: size).map { elements[$0..<min($0 + size, elements.count)] }
    }

    private static func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    private static func source(from row: any SQLRow) throws -> Source {
        let id = try row.decode(column: "id", as: String.self)
        let kindText = try row.decode(column: "kind", as: String.self)
        let stateText = try row.decode(column: "state", as: String.self)
        guard let kind = SourceKind(rawValue: kindText) else {
            throw StoredValueError(description: "source \(id) has unknown kind '\(kindText)'")
        }
        guard let state = SourceState(rawValue: stateText) else {
            throw StoredValueError(description: "source \(id) has unknown state '\(stateText)'")
        }
        let configuration = SourceConfiguration(
            kind: kind,
            name: try row.decode(column: "name", as: String.self),
            subreddit: try row.decode(column: "subreddit", as: String?.self),
            feedURL: try row.decode(column: "url", as: String?.self),
            pollInterval: .seconds(try row.decode(column: "poll_interval", as: Double.self)),
            includeComments: try row.decode(column: "include_comments", as: Bool.self),
            maxItemsPerPoll: try row.decode(column: "max_items", as: Int.self),
            enabled: try row.decode(column: "enabled", as: Bool.self)
        )
        return Source(
            id: try StoredValue.uuid(id),
            configuration: configuration,
            state: state,
            lastError: try row.decode(column: "last_error", as: String?.self),
            lastPolledAt: try row.decode(column: "last_polled_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            validators: HTTPValidators(etag: try row.decode(column: "etag", as: String?.self),
                                       lastModified: try row.decode(column: "last_modified", as: String?.self)),
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self))
        )
    }

    private static func item(from row: any SQLRow) throws -> StoredSourceItem {
        let sourceID = try row.decode(column: "source_id", as: String.self)
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = SourceItemKind(rawValue: kindText) else {
            throw StoredValueError(description: "item of source \(sourceID) has unknown kind '\(kindText)'")
        }
        return StoredSourceItem(
            sourceID: try StoredValue.uuid(sourceID),
            externalID: try row.decode(column: "external_id", as: String.self),
            kind: kind,
            predictionID: try row.decode(column: "prediction_id", as: String?.self).map(StoredValue.uuid),
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)),
            link: try row.decode(column: "link", as: String?.self),
            authorHash: try row.decode(column: "author_hash", as: String?.self)
        )
    }
}
