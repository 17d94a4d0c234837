import Dispatch
import Foundation
import Synchronization

/// Buffered writes to a file or standard output. Full buffers are written on a background queue so the
/// pipeline keeps computing while the kernel copies; at most two buffers are in flight (memory stays bounded).
/// A write error is reported by the next `write`, `flush` or `finish`.
final class ByteOutput {
    private let handle: FileHandle
    private let closeOnFinish: Bool
    private var buffer: [UInt8] = []
    private let flushThreshold = 1 << 20
    private let writes = DispatchQueue(label: "valence.output")
    private let inFlight = DispatchSemaphore(value: 2)
    private let failure = FirstFailure()

    /// `path` nil or "-" writes standard output; a file is created or truncated.
    init(path: String?) throws {
        if let path, path != "-" {
            handle = try OutputFile.open(path)
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

    /// Hands the buffer to the background writer.
    func flush() throws {
        try throwIfFailed()
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer.removeAll(keepingCapacity: true)
        inFlight.wait()
        let handle = self.handle
        let failure = self.failure
        let inFlight = self.inFlight
        writes.async {
            defer { inFlight.signal() }
            if let error = Self.writeAll(chunk, to: handle.fileDescriptor) {
                failure.record("cannot write output: \(error)")
            }
        }
    }

    /// Writes everything, waits for it, and closes a file output.
    func finish() throws {
        try flush()
        writes.sync {}
        try throwIfFailed()
        if closeOnFinish { try handle.close() }
    }

    /// Writes every byte with POSIX write(2) (FileHandle's write does not report errors such as ENOSPC here);
    /// returns the error text, or nil on success.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        bytes.withUnsafeBytes { raw -> String? in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    private func throwIfFailed() throws {
        if let message = failure.message { throw ConfigurationError(message) }
    }
}

/// The first error of the background writer, shared with it.
private final class FirstFailure: Sendable {
    private let state = Mutex<String?>(nil)
    var message: String? { state.withLock { $0 } }
    func record(_ message: String) { state.withLock { $0 = $0 ?? message } }
}
