import Foundation
import ValenceCore
import ValenceStorage

/// How GET /jobs/{id}/results writes items: JSONL keeps each input record's fields and adds `sentiment`,
/// `confidence`, `scores`, `model`, `fallback_used` (a `{"texts"}` job's records are `{"seq", "text"}`); CSV has one
/// row per item. Items not scored carry `state` and `error` instead.
enum JobResultFormat: String {
    case jsonl, csv

    var contentType: String {
        switch self {
        case .jsonl: "application/x-ndjson; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    var header: String? {
        self == .csv ? "seq,text,sentiment,confidence,model,fallback_used,scores,state,error\n" : nil
    }

    func append(_ item: JobItemResult, to text: inout String) {
        switch self {
        case .jsonl: appendJSONL(item, to: &text)
        case .csv: appendCSV(item, to: &text)
        }
    }

    private func appendJSONL(_ item: JobItemResult, to text: inout String) {
        var record = item.inputRecord.map { $0.trimmingCharacters(in: .whitespaces) }
            ?? "{\"seq\":\(item.seq),\"text\":\(JSONText.quoted(item.text))}"
        guard record.hasSuffix("}") else { return }
        record.removeLast()
        let empty = record.trimmingCharacters(in: .whitespaces) == "{"
        text += record
        text += empty ? "" : ","
        if let result = item.result {
            text += "\"sentiment\":\(JSONText.quoted(result.sentiment.rawValue)),\"confidence\":"
            text += JSONText.number(result.confidence)
            text += ",\"scores\":\(item.scoresJSON ?? result.scores.jsonObjectText),\"model\":\(JSONText.quoted(result.model))"
            text += ",\"fallback_used\":\(result.fallbackUsed)}\n"
        } else {
            text += "\"state\":\(JSONText.quoted(item.state.rawValue))"
            if let error = item.error { text += ",\"error\":\(JSONText.quoted(error))" }
            text += "}\n"
        }
    }

    private func appendCSV(_ item: JobItemResult, to text: inout String) {
        let result = item.result
        let confidence = result.map { JSONText.number($0.confidence) } ?? ""
        let fields = [
            String(item.seq), item.text, result?.sentiment.rawValue ?? "", confidence, result?.model ?? "",
            result.map { String($0.fallbackUsed) } ?? "", item.scoresJSON ?? result?.scores.jsonObjectText ?? "",
            item.state.rawValue, item.error ?? "",
        ]
        text += fields.map(Self.quoted).joined(separator: ",")
        text += "\n"
    }

    /// RFC 4180 quoting when needed.
    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
