import Foundation
import SQLKit
import ValenceCore

extension SQLJobRepository {
    static let jobColumns: SQLQueryString = """
        id, state, model, source, input_format, text_field, max_attempts, created_at, sealed_at, started_at, \
        finished_at, error, input_columns
        """

    static func job(from row: any SQLRow, counts: JobCounts) throws -> Job {
        let id = try row.decode(column: "id", as: String.self)
        return Job(
            id: try StoredValue.uuid(id),
            state: try StoredValue.jobState(try row.decode(column: "state", as: String.self), id: id),
            model: try row.decode(column: "model", as: String?.self),
            source: try row.decode(column: "source", as: String?.self),
            inputFormat: try StoredValue.inputFormat(try row.decode(column: "input_format", as: String.self), id: id),
            textField: try row.decode(column: "text_field", as: String?.self),
            isSealed: try row.decode(column: "sealed_at", as: Double?.self) != nil,
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            counts: counts,
            createdAt: Date(timeIntervalSince1970: try row.decode(column: "created_at", as: Double.self)),
            startedAt: try row.decode(column: "started_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            finishedAt: try row.decode(column: "finished_at", as: Double?.self).map(Date.init(timeIntervalSince1970:)),
            error: try row.decode(column: "error", as: String?.self),
            inputColumns: try row.decode(column: "input_columns", as: String?.self).map { try StoredValue.names($0, id: id) }
        )
    }

    static func itemResult(from row: any SQLRow, jobID: UUID) throws -> JobItemResult {
        let seq = try row.decode(column: "seq", as: Int.self)
        let itemID = JobItemKey(jobID: jobID, seq: seq).description
        let state = try StoredValue.jobItemState(try row.decode(column: "state", as: String.self), id: itemID)
        let scoresJSON = try row.decode(column: "scores", as: String?.self)
        var result: ScoredText?
        if state == .done, let scoresJSON {
            result = ScoredText(
                sentiment: Sentiment(rawValue: try row.decode(column: "sentiment", as: String.self)),
                confidence: try row.decode(column: "confidence", as: Double.self),
                scores: try StoredScores.parse(scoresJSON),
                model: try row.decode(column: "model", as: String.self),
                fallbackUsed: try row.decode(column: "fallback_used", as: Bool.self)
            )
        }
        return JobItemResult(
            seq: seq,
            text: try row.decode(column: "text", as: String.self),
            inputRecord: try row.decode(column: "input_record", as: String?.self),
            state: state,
            result: result,
            scoresJSON: state == .done ? scoresJSON : nil,
            error: try row.decode(column: "error", as: String?.self)
        )
    }
}
