import ValenceCore
import ValenceStorage

/// Writes a job's items as GET /jobs/{id}/results returns them. JSONL keeps each input record's fields and adds
/// `sentiment`, `confidence`, `scores`, `model`, `fallback_used` (a `{"texts"}` job's records are `{"seq", "text"}`);
/// CSV keeps an uploaded CSV file's columns (other jobs: `seq`, `text`) and adds the same columns. An input field
/// named like an added one is replaced. Items not scored carry `state` and `error` instead of results.
struct JobResultWriter {
    let format: JobResultFormat
    /// The CSV header line; nil for JSONL.
    let header: String?
    private let inputColumns: [String]?
    private let width: Int
    private static let resultColumns = ["sentiment", "confidence", "model", "fallback_used", "scores", "state", "error"]
    /// Where each of `resultColumns` goes in a CSV row.
    private let resultPositions: [Int]

    init(format: JobResultFormat, job: Job) {
        self.format = format
        inputColumns = job.inputFormat == .csv ? job.inputColumns : nil
        let columns = CSVOutputColumns(input: inputColumns ?? ["seq", "text"], adding: Self.resultColumns)
        resultPositions = columns.positions
        width = columns.header.count
        header = format == .csv ? CSVText.line(columns.header) : nil
    }

    func append(_ item: JobItemResult, to text: inout String) {
        switch format {
        case .jsonl: appendJSONL(item, to: &text)
        case .csv: appendCSV(item, to: &text)
        }
    }

    private func appendJSONL(_ item: JobItemResult, to text: inout String) {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        let (record, members) = Self.record(of: item)
        for member in members where !Self.resultColumns.contains(member.key) {
            bytes += record[member.range]
            bytes.append(UInt8(ascii: ","))
        }
        text += String(decoding: bytes, as: UTF8.self)
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
        var row = Array(repeating: "", count: width)
        if let inputColumns {
            var values: [String: String] = [:]
            let (record, members) = Self.record(of: item)
            for member in members { values[member.key] = Self.text(of: record[member.valueRange]) }
            for (index, column) in inputColumns.enumerated() { row[index] = values[column] ?? "" }
        } else {
            row[0] = String(item.seq)
            row[1] = item.text
        }
        let result = item.result
        let values = [
            result?.sentiment.rawValue ?? "", result.map { JSONText.number($0.confidence) } ?? "", result?.model ?? "",
            result.map { String($0.fallbackUsed) } ?? "", item.scoresJSON ?? result?.scores.jsonObjectText ?? "",
            item.state.rawValue, item.error ?? "",
        ]
        for (position, value) in zip(resultPositions, values) { row[position] = value }
        text += CSVText.line(row)
    }

    /// The stored record (a `{"texts"}` item's is made up: `seq` and `text`) and its top-level members.
    private static func record(of item: JobItemResult) -> (ArraySlice<UInt8>, [JSONObjectScanner.Member]) {
        let record = Array((item.inputRecord ?? "{\"seq\":\(item.seq),\"text\":\(JSONText.quoted(item.text))}").utf8)[...]
        return (record, (try? JSONObjectScanner.members(of: record)) ?? [])
    }

    /// A member's value for a CSV cell: a JSON string decoded, any other value as its JSON text.
    private static func text(of value: ArraySlice<UInt8>) -> String {
        if value.first == UInt8(ascii: "\""), value.count >= 2,
           let decoded = try? JSONStringDecoder.decode(value.dropFirst().dropLast(), at: 0) {
            return decoded
        }
        return String(decoding: value, as: UTF8.self)
    }
}
