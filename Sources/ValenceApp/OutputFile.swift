import Foundation

/// Opens a user-named output file for writing in place: created if absent, truncated if present. Unlike
/// `FileManager.createFile`, which writes a new file and renames it over the path, this keeps what the path
/// names — `/dev/null`, a named pipe, a symlink's target — instead of replacing it with a regular file.
public enum OutputFile {
    public static func open(_ path: String) throws -> FileHandle {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ConfigurationError("cannot write output file '\(path)': \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }
}
