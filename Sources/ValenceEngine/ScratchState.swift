/// Per-forward-pass activation buffers, reused across calls.
///
/// Sized for a capacity of (tokens, sequences, longest sequence) and grown, never shrunk, when
/// a pass needs more; a pass allocates nothing once the capacity is reached. One state serves
/// one pass at a time (`ScratchPool` hands them out), which is why it may cross threads.
final class ScratchState: @unchecked Sendable {
    /// A growable float buffer; contents are not preserved when it grows.
    struct Buffer {
        private(set) var pointer = UnsafeMutablePointer<Float>.allocate(capacity: 16)
        private(set) var capacity = 16

        mutating func reserve(_ count: Int) {
            guard count > capacity else { return }
            pointer.deallocate()
            // Headroom so a slowly growing workload does not reallocate on every call.
            capacity = max(count, capacity + capacity / 2)
            pointer = .allocate(capacity: capacity)
        }

        func free() { pointer.deallocate() }
    }

    var hidden = Buffer()  // [tokens, hidden] — the residual stream
    var queryKeyValue = Buffer()  // [tokens, 3 × hidden] — query | key | value per row; after
    // attention it holds the [tokens, hidden] output projections before their LayerNorm
    var context = Buffer()  // [tokens, hidden] — attention output before out projection
    var intermediate = Buffer()  // [tokens, intermediate]
    var scores = Buffer()  // [threads, longest, longest] — one head's attention matrix per thread
    var first = Buffer()  // [sequences, hidden] — first-token states, or pooled embeddings
    var headWork = Buffer()  // [sequences, hidden]
    var logits = Buffer()  // [sequences, labels]

    /// Makes every buffer large enough for a pass of this size.
    func reserve(tokens: Int, sequences: Int, longest: Int, threads: Int, configuration c: ModelConfiguration) {
        let hiddenFloats = tokens * c.hiddenSize
        hidden.reserve(hiddenFloats)
        queryKeyValue.reserve(3 * hiddenFloats)
        context.reserve(hiddenFloats)
        intermediate.reserve(tokens * c.intermediateSize)
        scores.reserve(max(1, threads) * longest * longest)
        first.reserve(sequences * c.hiddenSize)
        headWork.reserve(sequences * c.hiddenSize)
        logits.reserve(sequences * max(c.labels.count, 1))
    }

    deinit {
        for buffer in [hidden, queryKeyValue, context, intermediate, scores, first, headWork, logits] {
            buffer.free()
        }
    }
}
