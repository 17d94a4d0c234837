import Foundation

/// Reads a file or standard input in large chunks; the caller consumes bytes line by line or byte by byte.
/// Memory stays bounded by the chunk size plus the longest line.
final class ByteInput {
    private let handle: FileHandle
    private let closeOnDeinit: Bool
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private(set) var atEnd = false
    /// Bytes handed out so far (for progress).
    private(set) var bytesConsumed = 0
    /// The file's size when known (a regular file), for progress.
    let totalBytes: Int?

    /// `path` nil or "-" reads standard input.
    init(path: String?, chunkSize: Int = 1 << 20) throws {
        self.chunkSize = chunkSize
        if let path, path != "-" {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ConfigurationError("cannot open input file '\(path)'")
            }
            self.handle = handle
            closeOnDeinit = true
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            totalBytes = (attributes?[.type] as? FileAttributeType) == .typeRegular ? (attributes?[.size] as? Int) : nil
        } else {
            handle = .standardInput
            closeOnDeinit = false
            totalBytes = nil
        }
    }

    deinit {
        if closeOnDeinit { try? handle.close() }
    }

    /// The next line without its terminator (LF or CRLF), or nil at the end of input.
    func nextLine() throws -> ArraySlice<UInt8>? {
        var searched = 0  // bytes after `position` already known to hold no newline
        while true {
            if let newline = Self.firstNewline(in: buffer, from: position + searched) {
                var end = newline
                if end > position, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[position..<end]
                bytesConsumed += newline + 1 - position
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[position..<end]
                bytesConsumed += buffer.count - position
                position = buffer.count
                return line
            }
            searched = buffer.count - position
            try refill()
        }
    }

    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { pointer -> Int? in
            guard let base = pointer.baseAddress,
                  let found = memchr(base + start, 0x0A, pointer.count - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The buffered bytes not yet consumed (reading more when none are), or nil at the end of input.
    func nextChunk() throws -> ArraySlice<UInt8>? {
        if position == buffer.count {
            if atEnd { return nil }
            try refill()
            if position == buffer.count { return nil }
        }
        let chunk = buffer[position...]
        bytesConsumed += chunk.count
        position = buffer.count
        return chunk
    }

    /// Skips a UTF-8 byte-order mark at the very start.
    func skipByteOrderMark() throws {
        while buffer.count - position < 3, !atEnd { try refill() }
        if buffer.count - position >= 3, buffer[position] == 0xEF, buffer[position + 1] == 0xBB, buffer[position + 2] == 0xBF {
            position += 3
            bytesConsumed += 3
        }
    }

    private func refill() throws {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        let data = try handle.read(upToCount: chunkSize) ?? Data()
        if data.isEmpty { atEnd = true } else { buffer.append(contentsOf: data) }
    }
}
