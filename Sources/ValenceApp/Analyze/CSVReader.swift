import ValenceCore

/// Pulls CSV records from a byte stream, a chunk at a time, through the incremental `CSVParser`.
final class CSVReader {
    private let input: ByteInput
    private var parser = CSVParser()
    private var ready: [CSVParser.Record] = []
    private var nextIndex = 0
    private var ended = false

    init(input: ByteInput) {
        self.input = input
    }

    /// The next record, or nil at the end of input. Blank lines are skipped.
    /// Throws `CSVParser.SyntaxError` for malformed input, or the read error.
    func next() throws -> CSVParser.Record? {
        while nextIndex == ready.count {
            guard !ended else { return nil }
            ready.removeAll(keepingCapacity: true)
            nextIndex = 0
            if let chunk = try input.nextChunk() {
                ready = try parser.consume(chunk)
            } else {
                ended = true
                if let last = try parser.finish() { ready = [last] }
            }
        }
        defer { nextIndex += 1 }
        return ready[nextIndex]
    }
}
