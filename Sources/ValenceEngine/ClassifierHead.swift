/// A sequence-classification head applied to the first token's final hidden state.
///
/// All three heads are dense → nonlinearity → projection (dropout is inactive at inference):
/// - `BertForSequenceClassification`: `bert.pooler.dense` + tanh (`BertPooler`), then `classifier`;
/// - `DistilBertForSequenceClassification`: `pre_classifier` + ReLU, then `classifier`;
/// - `RobertaForSequenceClassification` / XLM-R: `classifier.dense` + tanh, then
///   `classifier.out_proj` (`RobertaClassificationHead`).
struct ClassifierHead: Sendable {
    let dense: Linear  // [hidden, hidden]
    let nonlinearity: Kernels.Nonlinearity
    let projection: Linear  // [labels, hidden]
    var labelCount: Int { projection.outFeatures }

    /// The head's tensors, or nil when the checkpoint is a bare encoder (no projection tensor).
    init?(configuration c: ModelConfiguration, tensors: TensorSource) throws {
        let hidden = c.hiddenSize
        let denseName: String, projectionName: String
        switch c.modelType {
        case .bert:
            (denseName, projectionName, nonlinearity) = (tensors.prefix + "pooler.dense", "classifier", .tanh)
        case .distilbert:
            (denseName, projectionName, nonlinearity) = ("pre_classifier", "classifier", .relu)
        case .roberta, .xlmRoberta:
            (denseName, projectionName, nonlinearity) = ("classifier.dense", "classifier.out_proj", .tanh)
        }
        guard tensors.contains(projectionName + ".weight") else { return nil }
        dense = try Linear(denseName, from: tensors, out: hidden, in: hidden)
        projection = try Linear(projectionName, from: tensors, out: c.labels.count, in: hidden)
    }

    /// logits[sequences, labels] from the first-token states `first[sequences, hidden]`;
    /// `work[sequences, hidden]` holds the dense layer's output.
    func apply(
        first: UnsafePointer<Float>, sequences: Int,
        work: UnsafeMutablePointer<Float>, logits: UnsafeMutablePointer<Float>
    ) {
        dense(first, rows: sequences, into: work, then: nonlinearity)
        projection(UnsafePointer(work), rows: sequences, into: logits)
    }
}
