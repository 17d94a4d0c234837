import Foundation
import ValenceCore

/// Reads a CSV data set (RFC 4180: quoted fields with commas, quotes and line breaks; CRLF; a UTF-8 BOM). The header
/// row must name a `text` column and a `label` and/or `rating` column (names matched case-insensitively, surrounding
/// spaces ignored); an `id` column is used when present, other columns are ignored. An empty `label` or `rating`
/// cell leaves that value unknown.
public enum CSVDataset {
    /// Reads a gold label: an integer 0, 1, 2 (negative, neutral, positive) or a name mapped like a three-label
    /// classifier's (`Sentiment.forLabel(_:labelCount: 3)`: negative/neutral/positive, neg/neu/pos, "1 star"…,
    /// `LABEL_0`…, case-insensitive). Nil for anything else.
    public static func goldLabel(_ field: String) -> Sentiment? {
        let trimmed = field.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "0": return .negative
        case "1": return .neutral
        case "2": return .positive
        default:
            let sentiment = Sentiment.forLabel(trimmed, labelCount: 3)
            return [.negative, .neutral, .positive].contains(sentiment) ? sentiment : nil
        }
    }

    /// Where the columns of interest are in each row.
    private struct Columns {
        var count: Int
        var text: Int
        var label: Int?
        var rating: Int?
        var id: Int?
    }

    static func parse(_ bytes: [UInt8], file: String) throws(EvalDatasetError) -> [EvalExample] {
        let records = try records(bytes, file: file)
        guard let header = records.first else {
            throw EvalDatasetError(file: file, line: 1, message: "the file is empty; a header row with 'text' and 'label' and/or 'rating' is expected")
        }
        let columns = try Self.columns(of: header, file: file)
        var examples: [EvalExample] = []
        examples.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            examples.append(try example(from: record, columns: columns, file: file))
        }
        return examples
    }

    private static func records(_ bytes: [UInt8], file: String) throws(EvalDatasetError) -> [CSVParser.Record] {
        var parser = CSVParser()
        do {
            var records = try parser.consume(bytes)
            if let last = try parser.finish() { records.append(last) }
            return records
        } catch {
            throw EvalDatasetError(file: file, line: error.line, message: error.message)
        }
    }

    private static func columns(of header: CSVParser.Record, file: String) throws(EvalDatasetError) -> Columns {
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func index(_ name: String) -> Int? { names.firstIndex(of: name) }
        guard let text = index("text") else {
            throw EvalDatasetError(
                file: file, line: header.line,
                message: "the header has no 'text' column (columns: \(header.fields.joined(separator: ", ")))"
            )
        }
        let columns = Columns(count: names.count, text: text, label: index("label"), rating: index("rating"), id: index("id"))
        guard columns.label != nil || columns.rating != nil else {
            throw EvalDatasetError(
                file: file, line: header.line,
                message: "the header needs a 'label' or 'rating' column (columns: \(header.fields.joined(separator: ", ")))"
            )
        }
        return columns
    }

    private static func example(from record: CSVParser.Record, columns: Columns, file: String) throws(EvalDatasetError) -> EvalExample {
        let fields = record.fields
        guard fields.count == columns.count else {
            throw EvalDatasetError(file: file, line: record.line, message: "expected \(columns.count) fields, found \(fields.count)")
        }
        var label: Sentiment?
        if let column = columns.label, !fields[column].trimmingCharacters(in: .whitespaces).isEmpty {
            guard let gold = goldLabel(fields[column]) else {
                throw EvalDatasetError(
                    file: file, line: record.line,
                    message: "the label '\(fields[column])' is not negative, neutral, positive or 0, 1, 2"
                )
            }
            label = gold
        }
        var rating: Double?
        if let column = columns.rating {
            let field = fields[column].trimmingCharacters(in: .whitespaces)
            if !field.isEmpty {
                guard let value = Double(field), value.isFinite else {
                    throw EvalDatasetError(file: file, line: record.line, message: "the rating '\(fields[column])' is not a number")
                }
                rating = value
            }
        }
        let id = columns.id.map { fields[$0] } ?? String(record.line)
        return EvalExample(id: id, text: fields[columns.text], label: label, rating: rating)
    }
}
