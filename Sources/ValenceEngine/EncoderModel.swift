import Foundation
import ValenceKernels

/// A BERT, DistilBERT, RoBERTa or XLM-RoBERTa encoder loaded from a HuggingFace folder, with its
/// sequence-classification head when the checkpoint has one.
///
/// Inputs are token ids with special tokens already added, one unpadded array per text; the
/// model batches them itself. Safe to share across threads and tasks: weights are immutable and
/// every pass takes its own scratch buffers from a pool. The async methods run on a dedicated
/// inference thread (one pass at a time per process); the `…Sync` methods run on the caller's.
public final class EncoderModel: Sendable {
    /// The decoded config.json; `labels` is empty for a bare encoder.
    public let configuration: ModelConfiguration
    /// At most this many tokens go through one forward pass; larger batches are split.
    public let tokenBudget: Int
    let encoder: Encoder
    let head: ClassifierHead?
    private let pool = ScratchPool()
    private let executor: InferenceThread

    /// True when the checkpoint carries a sequence-classification head.
    public var hasClassifier: Bool { head != nil }

    /// Loads `config.json` and `model.safetensors` from `directory` (weights memory-mapped).
    ///
    /// With `kernels` the layers' weights are prepacked for `ValenceKernels` (the mapped
    /// originals released) and each pass runs on a pool of `threads` threads, OpenBLAS kept to one; otherwise
    /// OpenBLAS runs the products with `threads` threads of its own.
    ///
    /// - Parameters:
    ///   - threads: the pass's threads; nil uses `ThreadBudget.defaultThreads`. The OpenBLAS setting is
    ///     process-wide.
    ///   - tokenBudget: the most tokens one forward pass handles (bounds scratch memory).
    ///   - kernels: whether to use the prepacked kernels (default `ThreadBudget.usesKernels`; never on a CPU
    ///     without AVX2 and FMA).
    public init(directory: URL, threads: Int? = nil, tokenBudget: Int = 2048,
                kernels: Bool = ThreadBudget.usesKernels) throws {
        let threadCount = max(1, threads ?? ThreadBudget.defaultThreads)
        var configuration = try ModelConfiguration(contentsOf: directory.appendingPathComponent("config.json"))
        let file = try SafeTensorsFile(path: directory.appendingPathComponent("model.safetensors").path)
        let tensors = try TensorSource(
            file: file,
            architecturePrefix: EncoderWeights.architecturePrefix(configuration.modelType),
            probe: "embeddings.word_embeddings.weight"
        )
        var weights = try EncoderWeights(configuration: configuration, tensors: tensors)
        let runner: ParallelRunner?
        if kernels, KernelSupport.isSupported {
            weights = weights.packed()
            runner = ParallelRunner(threadCount: threadCount)
            ThreadBudget.apply(1)  // OpenBLAS then only runs attention's small products, inside the runner's split
        } else {
            runner = nil
            ThreadBudget.apply(threadCount)
        }
        let head = try ClassifierHead(configuration: configuration, tensors: tensors)
        if head == nil {
            configuration.labels = []
            configuration.labelIDs = [:]
        }
        self.configuration = configuration
        self.encoder = Encoder(configuration: configuration, weights: weights, runner: runner)
        self.head = head
        self.tokenBudget = max(1, tokenBudget)
        self.executor = .shared
    }

    // MARK: - Classification

    /// Classification logits per text, computed on the inference thread.
    public func logits(_ batch: [[Int32]]) async throws -> [[Float]] {
        try await executor.run { try self.logitsSync(batch) }
    }

    /// Classification logits per text, computed on the calling thread.
    public func logitsSync(_ batch: [[Int32]]) throws -> [[Float]] {
        guard let head else { throw EngineError.noClassifier }
        let labels = head.labelCount
        return try forEachPass(of: batch) { pass, scratch, results in
            gatherFirstTokens(pass, scratch)
            head.apply(
                first: scratch.first.pointer, sequences: pass.count,
                work: scratch.headWork.pointer, logits: scratch.logits.pointer
            )
            for index in 0..<pass.count {
                let row = scratch.logits.pointer + index * labels
                results.append(Array(UnsafeBufferPointer(start: row, count: labels)))
            }
        }
    }

    /// Probabilities from one text's logits: softmax for single-label models, per-label sigmoid
    /// for multi-label ones (`problem_type`), the logits themselves for regression.
    public func probabilities(fromLogits logits: [Float]) -> [Float] {
        switch configuration.problemType {
        case .multiLabel:
            return logits.map { 1 / (1 + Foundation.exp(-$0)) }
        case .regression:
            return logits
        case .singleLabel, nil:
            guard let maximum = logits.max() else { return [] }
            let exponentials = logits.map { Foundation.exp($0 - maximum) }
            let total = exponentials.reduce(0, +)
            return exponentials.map { $0 / total }
        }
    }

    // MARK: - Embeddings

    /// Sentence embeddings per text, computed on the inference thread.
    public func embeddings(_ batch: [[Int32]]) async throws -> [[Float]] {
        try await executor.run { try self.embeddingsSync(batch) }
    }

    /// Sentence embeddings per text on the calling thread: the mean of the last hidden state over
    /// the text's tokens, L2-normalised (sentence-transformers `Pooling(mean)` + `Normalize`).
    public func embeddingsSync(_ batch: [[Int32]]) throws -> [[Float]] {
        let width = configuration.hiddenSize
        return try forEachPass(of: batch) { pass, scratch, results in
            for (index, start) in pass.starts.enumerated() {
                let length = pass.sequences[pass.sequences.startIndex + index].count
                let sum = scratch.first.pointer
                sum.initialize(repeating: 0, count: width)
                for row in start..<(start + length) {
                    Kernels.accumulate(scratch.hidden.pointer + row * width, into: sum, count: width)
                }
                var mean = Array(UnsafeBufferPointer(start: sum, count: width))
                let inverseLength = 1 / Float(length)
                for column in 0..<width { mean[column] *= inverseLength }
                let norm = mean.reduce(0) { $0 + $1 * $1 }.squareRoot()
                let inverseNorm = 1 / max(norm, 1e-12)
                results.append(mean.map { $0 * inverseNorm })
            }
        }
    }

    // MARK: - Helpers

    /// Validates `batch`, runs the encoder over each packed pass with pooled scratch state, and lets `readOut`
    /// append one result per sequence of the pass (in order).
    private func forEachPass(
        of batch: [[Int32]], _ readOut: (PackedBatch, ScratchState, inout [[Float]]) -> Void
    ) throws -> [[Float]] {
        try validate(batch)
        return pool.withState { scratch in
            var results: [[Float]] = []
            results.reserveCapacity(batch.count)
            for pass in PackedBatch.passes(of: batch, tokenBudget: tokenBudget) {
                prepare(scratch, for: pass)
                encoder.forward(pass, scratch: scratch)
                readOut(pass, scratch, &results)
            }
            return results
        }
    }

    private func validate(_ batch: [[Int32]]) throws {
        let maximum = configuration.maxSequenceLength
        let vocabulary = configuration.vocabularySize
        for (index, ids) in batch.enumerated() {
            guard !ids.isEmpty else { throw EngineError.emptySequence(index: index) }
            guard ids.count <= maximum else {
                throw EngineError.sequenceTooLong(index: index, length: ids.count, maximum: maximum)
            }
            if let bad = ids.first(where: { $0 < 0 || Int($0) >= vocabulary }) {
                throw EngineError.tokenOutOfRange(index: index, token: bad, vocabularySize: vocabulary)
            }
        }
    }

    private func prepare(_ scratch: ScratchState, for pass: PackedBatch) {
        scratch.reserve(
            tokens: pass.tokenCount, sequences: pass.count, longest: pass.longest,
            threads: encoder.runner?.threadCount ?? 1, configuration: configuration
        )
    }

    /// Copies each sequence's first token (<s> / [CLS]) state into `scratch.first`.
    private func gatherFirstTokens(_ pass: PackedBatch, _ scratch: ScratchState) {
        let width = configuration.hiddenSize
        for (index, start) in pass.starts.enumerated() {
            (scratch.first.pointer + index * width).update(from: scratch.hidden.pointer + start * width, count: width)
        }
    }
}
