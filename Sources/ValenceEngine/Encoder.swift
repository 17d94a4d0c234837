import ValenceKernels

/// The transformer encoder's forward pass over a packed batch.
///
/// Mirrors HF `BertEmbeddings` / `RobertaEmbeddings` / DistilBERT `Embeddings`, then per layer
/// `BertLayer` (equivalently DistilBERT's `TransformerBlock`): self-attention, output projection
/// + residual + LayerNorm, feed-forward + activation, projection + residual + LayerNorm.
struct Encoder: Sendable {
    let configuration: ModelConfiguration
    let weights: EncoderWeights
    /// Threads for the products (prepacked weights), row-wise kernels and attention heads; nil: the caller alone,
    /// with OpenBLAS's own threads inside each product.
    let runner: ParallelRunner?

    /// Leaves the last hidden state [tokens, hidden] in `scratch.hidden`.
    func forward(_ batch: PackedBatch, scratch: ScratchState) {
        embed(batch, into: scratch.hidden.pointer)
        for layer in weights.layers {
            run(layer, batch, scratch)
        }
    }

    /// word + token type 0 + position embeddings, then LayerNorm. RoBERTa/XLM-R positions follow
    /// HF's `create_position_ids_from_input_ids`: cumsum(id ≠ pad) · (id ≠ pad) + padding_idx.
    private func embed(_ batch: PackedBatch, into hidden: UnsafeMutablePointer<Float>) {
        let c = configuration
        let width = c.hiddenSize
        let word = weights.embeddings.word.pointer
        let position = weights.embeddings.position.pointer
        let tokenType = weights.embeddings.tokenType?.pointer  // row 0: all token types are 0
        let pad = Int32(truncatingIfNeeded: c.padTokenID)
        let countsPositionsFromPad = c.positionOffset > 0
        var row = 0
        for ids in batch.sequences {
            var nonPad = 0
            for (index, id) in ids.enumerated() {
                let positionID: Int
                if countsPositionsFromPad {
                    if id != pad { nonPad += 1 }
                    positionID = id != pad ? nonPad + c.padTokenID : c.padTokenID
                } else {
                    positionID = index
                }
                let target = hidden + row * width
                target.update(from: word + Int(id) * width, count: width)
                if let tokenType { Kernels.accumulate(tokenType, into: target, count: width) }
                Kernels.accumulate(position + positionID * width, into: target, count: width)
                row += 1
            }
        }
        let norm = weights.embeddings.norm
        Kernels.layerNorm(
            hidden, rows: batch.tokenCount, columns: width,
            weight: norm.weight.pointer, bias: norm.bias.pointer, epsilon: c.layerNormEpsilon
        )
    }

    private func run(_ layer: EncoderWeights.Layer, _ batch: PackedBatch, _ s: ScratchState) {
        let tokens = batch.tokenCount
        let hidden = s.hidden.pointer
        layer.queryKeyValue(hidden, rows: tokens, into: s.queryKeyValue.pointer, runner: runner)
        attend(batch, s)
        // BertSelfOutput: dense, dropout (inactive), LayerNorm(x + residual).
        layer.attentionOutput.project(s.context.pointer, rows: tokens, into: s.queryKeyValue.pointer, runner: runner)
        addResidualAndNormalise(s.queryKeyValue.pointer, layer.attentionOutput, layer.attentionNorm, tokens, hidden)
        // BertIntermediate (dense + activation), then BertOutput like BertSelfOutput.
        layer.intermediate(hidden, rows: tokens, into: s.intermediate.pointer, then: feedForwardNonlinearity, runner: runner)
        layer.output.project(s.intermediate.pointer, rows: tokens, into: s.queryKeyValue.pointer, runner: runner)
        addResidualAndNormalise(s.queryKeyValue.pointer, layer.output, layer.outputNorm, tokens, hidden)
    }

    /// hidden = LayerNorm(projected + bias + hidden).
    private func addResidualAndNormalise(
        _ projected: UnsafeMutablePointer<Float>, _ linear: Linear, _ norm: EncoderWeights.Norm,
        _ tokens: Int, _ hidden: UnsafeMutablePointer<Float>
    ) {
        let width = configuration.hiddenSize
        let epsilon = configuration.layerNormEpsilon
        RowSplit.run(tokens, on: runner, minimumRows: RowSplit.rows(columns: width)) { _, rows in
            let offset = rows.lowerBound * width
            Kernels.addBiasResidualLayerNorm(
                projected + offset, bias: linear.bias.pointer, into: hidden + offset, rows: rows.count, columns: width,
                weight: norm.weight.pointer, normBias: norm.bias.pointer, epsilon: epsilon
            )
        }
    }

    /// Scaled dot-product attention per sequence and head (`BertSelfAttention`):
    /// context_h = softmax(Q_h K_hᵀ / √d) V_h, heads read and written in place as column blocks
    /// of the fused [tokens, 3 × hidden] projection (query | key | value). The (sequence, head) pairs are split
    /// over the runner's threads, each with its own score matrix.
    private func attend(_ batch: PackedBatch, _ s: ScratchState) {
        let width = configuration.hiddenSize
        let stride = 3 * width
        let query = s.queryKeyValue.pointer, key = query + width, value = query + 2 * width
        let size = configuration.headSize
        let heads = configuration.headCount
        let scale = 1 / Float(size).squareRoot()
        let context = s.context.pointer
        let scoresBase = s.scores.pointer  // [longest, longest] per thread
        let scoresStride = batch.longest * batch.longest
        RowSplit.run(batch.count * heads, on: runner, minimumRows: 1) { part, pairs in
            let scores = scoresBase + part * scoresStride
            for pair in pairs {
                let sequence = pair / heads, head = pair % heads
                let start = batch.starts[sequence]
                let length = batch.sequences[batch.sequences.startIndex + sequence].count
                let offset = start * stride + head * size
                BLAS.multiply(
                    rows: length, columns: length, inner: size,
                    a: query + offset, lda: stride, transposeA: false,
                    b: key + offset, ldb: stride, transposeB: true,
                    c: scores, ldc: length, alpha: scale
                )
                Kernels.softmax(scores, rows: length, columns: length, stride: length)
                BLAS.multiply(
                    rows: length, columns: size, inner: length,
                    a: scores, lda: length, transposeA: false,
                    b: value + offset, ldb: stride, transposeB: false,
                    c: context + start * width + head * size, ldc: width
                )
            }
        }
    }

    private var feedForwardNonlinearity: Kernels.Nonlinearity {
        switch configuration.activation {
        case .gelu: .gelu
        case .geluTanh: .geluTanh
        case .relu: .relu
        }
    }
}
