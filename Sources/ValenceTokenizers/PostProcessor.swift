import Foundation

/// The post-processor of a `tokenizer.json` (`"post_processor"`), reduced to what a single text
/// needs: the special tokens it adds around the sequence and the type ids it assigns.
protocol PostProcessor: Sendable {
    /// How many ids `process` adds for a single sequence (truncation leaves room for them).
    var addedTokenCount: Int { get }
    func process(ids: inout [Int32], typeIds: inout [Int32])
}

/// Builds post-processors from their JSON description.
enum PostProcessorFactory {
    static func make(_ json: JSONObject) throws -> any PostProcessor {
        guard let type = json.type else { throw TokenizerError.invalidField(component: json.context, field: "type") }
        switch type {
        case "BertProcessing", "RobertaProcessing":
            // Single sequence: CLS A SEP (BERT) / <s> A </s> (RoBERTa), all type 0.
            let cls = try specialToken(json, "cls")
            let sep = try specialToken(json, "sep")
            return TemplatePostProcessor(items: [.special([cls], typeId: 0), .sequence(typeId: 0), .special([sep], typeId: 0)])
        case "TemplateProcessing": return try TemplatePostProcessor(json: json)
        case "ByteLevel": return TemplatePostProcessor(items: [.sequence(typeId: nil)])
        case "Sequence":
            return SequencePostProcessor(steps: try json.objects("processors").map(make))
        default:
            throw TokenizerError.unsupportedComponent(kind: "post_processor", type: type)
        }
    }

    /// A `["[CLS]", 101]` pair's id.
    private static func specialToken(_ json: JSONObject, _ key: String) throws -> Int32 {
        guard let pair = json.raw[key] as? [Any], pair.count == 2, let id = (pair[1] as? NSNumber)?.intValue else {
            throw TokenizerError.invalidField(component: json.context, field: key)
        }
        return Int32(id)
    }
}

/// `Sequence`: applies each processor in turn.
struct SequencePostProcessor: PostProcessor {
    let steps: [any PostProcessor]

    var addedTokenCount: Int { steps.reduce(0) { $0 + $1.addedTokenCount } }

    func process(ids: inout [Int32], typeIds: inout [Int32]) {
        for step in steps { step.process(ids: &ids, typeIds: &typeIds) }
    }
}
