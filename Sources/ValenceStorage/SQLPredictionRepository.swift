import Foundation
import SQLKit
import ValenceCore

/// `PredictionRepository` over any SQLKit database (SQLite, PostgreSQL).
/// Every stored row carries `text_hash`, the SHA-256 of its text (computed here from `PredictionRecord.text`);
/// with `storeText` false the text itself is not stored.
public struct SQLPredictionRepository: PredictionRepository {
    let database: any SQLDatabase
    private let storeText: Bool
    /// Rows per INSERT statement: 11 columns × 400 rows stays under every driver's bind limit.
    private let rowsPerStatement = 400

    /// `storeText`: STORE_TEXT; false keeps only each text's hash.
    public init(database: any SQLDatabase, storeText: Bool = true) {
        self.database = database
        self.storeText = storeText
    }

    public func insert(_ records: [PredictionRecord]) async throws {
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + rowsPerStatement, records.endIndex)
            let rows: [[any SQLExpression]] = records[start..<end].map { record in
                [
                    SQLBind(record.id.uuidString.lowercased()),
                    SQLBind(record.createdAt.timeIntervalSince1970),
                    SQLBind(storeText ? record.text : nil),
                    SQLBind(record.text.map(TextHash.sha256Hex)),
                    SQLBind(record.source),
                    SQLBind(record.sentiment.rawValue),
                    SQLBind(record.confidence),
                    SQLBind(record.scores.jsonObjectText),
                    SQLBind(record.model),
                    SQLBind(record.fallbackUsed),
                    SQLBind(record.latencyMs),
                ]
            }
            try await database.insert(into: "predictions")
                .columns("id", "created_at", "text", "text_hash", "source", "sentiment", "confidence", "scores", "model",
                         "fallback_used", "latency_ms")
                .rows(rows)
                .ignoringConflicts(with: "id")
                .run()
            start = end
        }
    }

    public func count() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM predictions").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
