import Foundation

/// A one-line progress display on stderr, redrawn at most ten times a second; silent unless stderr is a terminal.
public final class ProgressBar {
    private let enabled: Bool
    private let totalBytes: Int?
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// `totalBytes`: the amount `update`'s `bytes` counts up to (bytes, or any unit of work), when known.
    public init(totalBytes: Int?, enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.totalBytes = totalBytes
        self.enabled = enabled
    }

    /// Records processed so far, and how many input bytes they came from.
    public func update(records: Int, bytes: Int, force: Bool = false) {
        let elapsed = max(Date().timeIntervalSince(start), 1e-6)
        draw("\(records) records  \(Int(Double(records) / elapsed)) rec/s", done: bytes, force: force)
    }

    /// Bytes transferred so far (the total was given at creation when known), and what is being transferred.
    func update(transferred bytes: Int, of item: String, force: Bool = false) {
        let total = totalBytes.map { " / \(Self.megabytes($0))" } ?? ""
        draw("\(item)  \(Self.megabytes(bytes))\(total)", done: bytes, force: force)
    }

    public func finish(records: Int, bytes: Int) {
        guard enabled else { return }
        update(records: records, bytes: bytes, force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// Ends the line of a transfer.
    func finishTransfer(_ bytes: Int, of item: String) {
        guard enabled else { return }
        update(transferred: bytes, of: item, force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    private func draw(_ text: String, done bytes: Int, force: Bool) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 1e-6)
        var line = "\r\u{1B}[K  " + text
        if let totalBytes, totalBytes > 0 {
            let fraction = min(1, Double(bytes) / Double(totalBytes))
            let filled = Int(fraction * 30)
            line += "  [" + String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled) + "]"
            line += " \(Int(fraction * 100))%"
            if fraction > 0.01, fraction < 1 {
                line += "  eta \(Int(elapsed / fraction - elapsed))s"
            }
        }
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
