import Foundation
import ValenceCore

/// Reads a TweetEval split: `<split>_text.txt` (one text per line, LF, kept exactly — trailing space included),
/// `<split>_labels.txt` (one label id per line, aligned with the texts) and `mapping.txt` (`id<TAB>name`), all in
/// one folder. Example ids are 0-based line numbers, as in TweetEval's own references.
public enum TweetEvalDataset {
    static let textSuffix = "_text.txt"
    static let labelsSuffix = "_labels.txt"
    static let mappingName = "mapping.txt"

    /// The three files of one split.
    struct Files: Equatable {
        var text: String
        var labels: String
        var mapping: String
    }

    static func read(path: String) throws(EvalDatasetError) -> [EvalExample] {
        let files = try locate(path)
        return try parse(
            text: EvalDataset.readBytes(files.text),
            labels: EvalDataset.readBytes(files.labels),
            mapping: EvalDataset.readBytes(files.mapping),
            files: files
        )
    }

    /// The split's files, given its folder (holding exactly one `*_text.txt`) or its `*_text.txt`.
    static func locate(_ path: String) throws(EvalDatasetError) -> Files {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let textPath: String
        if exists, isDirectory.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let texts = names.filter { $0.hasSuffix(textSuffix) }.sorted()
            guard texts.count == 1 else {
                let found = texts.isEmpty ? "none" : texts.joined(separator: ", ")
                throw EvalDatasetError(
                    file: path,
                    message: "a TweetEval folder must hold exactly one *\(textSuffix) (found \(found)); name the text file instead"
                )
            }
            textPath = (path as NSString).appendingPathComponent(texts[0])
        } else {
            guard path.hasSuffix(textSuffix) else {
                throw EvalDatasetError(file: path, message: "a TweetEval data set is a folder or a *\(textSuffix) file")
            }
            textPath = path
        }
        let folder = (textPath as NSString).deletingLastPathComponent
        let split = String((textPath as NSString).lastPathComponent.dropLast(textSuffix.count))
        return Files(
            text: textPath,
            labels: (folder as NSString).appendingPathComponent(split + labelsSuffix),
            mapping: (folder as NSString).appendingPathComponent(mappingName)
        )
    }

    static func parse(text: [UInt8], labels: [UInt8], mapping: [UInt8], files: Files) throws(EvalDatasetError) -> [EvalExample] {
        let names = try parseMapping(mapping, file: files.mapping)
        let textLines = TextLines.split(text)
        let labelLines = TextLines.split(labels)
        guard textLines.count == labelLines.count else {
            throw EvalDatasetError(
                file: files.labels,
                message: "has \(labelLines.count) labels but \(files.text) has \(textLines.count) texts; the files must align line by line"
            )
        }
        var examples: [EvalExample] = []
        examples.reserveCapacity(textLines.count)
        for (textLine, labelLine) in zip(textLines, labelLines) {
            let labelID = try TextLines.text(of: labelLine, file: files.labels).trimmingCharacters(in: .whitespaces)
            guard let label = names[labelID] else {
                throw EvalDatasetError(
                    file: files.labels, line: labelLine.number,
                    message: "the label '\(labelID)' is not in \(mappingName) (ids: \(names.keys.sorted().joined(separator: ", ")))"
                )
            }
            examples.append(
                EvalExample(
                    id: String(textLine.number - 1),
                    text: try TextLines.text(of: textLine, file: files.text),
                    label: label,
                    rating: nil
                )
            )
        }
        return examples
    }

    /// `id<TAB>name` lines → sentiments, names mapped like a classifier's labels (`Sentiment.forLabel`).
    static func parseMapping(_ bytes: [UInt8], file: String) throws(EvalDatasetError) -> [String: Sentiment] {
        var pairs: [(id: String, name: String)] = []
        for line in TextLines.split(bytes) where !line.bytes.isEmpty {
            let columns = try TextLines.text(of: line, file: file).split(separator: "\t", omittingEmptySubsequences: false)
            let id = columns.first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            let name = columns.count == 2 ? columns[1].trimmingCharacters(in: .whitespaces) : ""
            guard columns.count == 2, !id.isEmpty, !name.isEmpty else {
                throw EvalDatasetError(file: file, line: line.number, message: "expected id<TAB>name")
            }
            guard !pairs.contains(where: { $0.id == id }) else {
                throw EvalDatasetError(file: file, line: line.number, message: "the id '\(id)' is mapped twice")
            }
            pairs.append((id, name))
        }
        guard !pairs.isEmpty else {
            throw EvalDatasetError(file: file, message: "maps no labels")
        }
        var names: [String: Sentiment] = [:]
        for pair in pairs {
            names[pair.id] = Sentiment.forLabel(pair.name, labelCount: pairs.count)
        }
        return names
    }
}
