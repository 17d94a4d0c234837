/// A batch laid out without padding: the tokens of every sequence back to back.
///
/// Equivalent to HF's padded batch with an attention mask — a padded key gets weight
/// exp(−∞) = 0 there and is simply absent here — but no work is spent on pad positions,
/// so length-sorting a batch is never needed for speed. Row `starts[i] + j` of every
/// [tokens, …] activation is token j of sequence i.
struct PackedBatch {
    let sequences: ArraySlice<[Int32]>
    let starts: [Int]  // [sequences]
    let tokenCount: Int
    let longest: Int

    init(_ sequences: ArraySlice<[Int32]>) {
        self.sequences = sequences
        var starts: [Int] = []
        starts.reserveCapacity(sequences.count)
        var total = 0
        var longest = 0
        for ids in sequences {
            starts.append(total)
            total += ids.count
            longest = max(longest, ids.count)
        }
        self.starts = starts
        self.tokenCount = total
        self.longest = longest
    }

    var count: Int { starts.count }

    /// Splits `batch` into consecutive passes of at most `tokenBudget` tokens each
    /// (a longer single sequence gets a pass of its own), bounding scratch memory.
    static func passes(of batch: [[Int32]], tokenBudget: Int) -> [PackedBatch] {
        var passes: [PackedBatch] = []
        var start = 0
        var tokens = 0
        for (index, ids) in batch.enumerated() {
            if index > start, tokens + ids.count > tokenBudget {
                passes.append(PackedBatch(batch[start..<index]))
                start = index
                tokens = 0
            }
            tokens += ids.count
        }
        if start < batch.count { passes.append(PackedBatch(batch[start..<batch.count])) }
        return passes
    }
}
