import Foundation

/// The file written last into a revision folder: its presence, with every listed file at its listed size,
/// is what makes a model complete.
struct CompletionMarker: Codable, Equatable {
    /// The marker's file name inside the revision folder (a leading `.` keeps it apart from hub files).
    static let fileName = ".valence-complete.json"

    struct File: Codable, Equatable {
        var path: String
        var size: Int64
    }

    var repository: String
    var revision: String
    var files: [File]

    /// True when every listed file exists in `directory` with its recorded size.
    func isSatisfied(in directory: URL) -> Bool {
        guard !files.isEmpty else { return false }
        return files.allSatisfy { file in
            guard (try? HubNames.validateFilePath(file.path)) != nil else { return false }
            let attributes = try? FileManager.default.attributesOfItem(
                atPath: directory.appendingPathComponent(file.path).path)
            return (attributes?[.size] as? NSNumber)?.int64Value == file.size
                && attributes?[.type] as? FileAttributeType == .typeRegular
        }
    }
}
