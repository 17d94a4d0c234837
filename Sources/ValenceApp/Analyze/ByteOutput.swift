import Foundation

/// Buffered writes to a file or standard output.
final class ByteOutput {
    private let handle: FileHandle
    private let closeOnFinish: Bool
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20

    /// `path` nil or "-" writes standard output; a file is created or truncated.
    init(path: String?) throws {
        if let path, path != "-" {
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw ConfigurationError("cannot write output file '\(path)'")
            }
            self.handle = handle
            closeOnFinish = true
        } else {
            handle = .standardOutput
            closeOnFinish = false
        }
        buffer.reserveCapacity(flushThreshold + 4096)
    }

    func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= flushThreshold { try flush() }
    }

    func write(_ string: String) throws {
        try write(string.utf8)
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes a file output.
    func finish() throws {
        try flush()
        if closeOnFinish { try handle.close() }
    }
}
