import Foundation

/// `TemplateProcessing` (and BERT/RoBERTa processing, which are fixed templates): lays out special
/// tokens and the sequence as the `single` template says.
struct TemplatePostProcessor: PostProcessor {
    enum Item: Sendable, Equatable {
        case special([Int32], typeId: Int32)
        /// The sequence; a nil type id keeps the type ids it has.
        case sequence(typeId: Int32?)
    }

    let items: [Item]

    init(items: [Item]) {
        self.items = items
    }

    init(json: JSONObject) throws {
        guard let single = json.raw["single"] as? [Any] else {
            throw TokenizerError.invalidField(component: json.context, field: "single")
        }
        let specials = json.raw["special_tokens"] as? [String: Any] ?? [:]
        var items: [Item] = []
        for (index, raw) in single.enumerated() {
            let piece = try JSONObject(raw, context: "\(json.context).single[\(index)]")
            if let special = piece.optionalObject("SpecialToken") {
                let name = try special.string("id")
                guard let entry = specials[name] as? [String: Any], let ids = entry["ids"] as? [Any] else {
                    throw TokenizerError.invalidConfiguration("\(json.context): special token \(name) is not in special_tokens")
                }
                let numbers = try ids.map { value -> Int32 in
                    guard let id = (value as? NSNumber)?.intValue else { throw TokenizerError.invalidField(component: json.context, field: "special_tokens.\(name)") }
                    return Int32(id)
                }
                items.append(.special(numbers, typeId: Int32(special.optionalInt("type_id") ?? 0)))
            } else if let sequence = piece.optionalObject("Sequence") {
                guard sequence.optionalString("id") != "B" else {
                    throw TokenizerError.invalidConfiguration("\(json.context): the single template uses sequence B")
                }
                items.append(.sequence(typeId: Int32(sequence.optionalInt("type_id") ?? 0)))
            } else {
                throw TokenizerError.invalidField(component: piece.context, field: "SpecialToken|Sequence")
            }
        }
        self.items = items
    }

    var addedTokenCount: Int {
        items.reduce(0) { total, item in
            if case .special(let ids, _) = item { return total + ids.count }
            return total
        }
    }

    func process(ids: inout [Int32], typeIds: inout [Int32]) {
        if items.count == 1, case .sequence(nil) = items[0] { return }
        var newIds: [Int32] = []
        var newTypes: [Int32] = []
        newIds.reserveCapacity(ids.count + addedTokenCount)
        newTypes.reserveCapacity(ids.count + addedTokenCount)
        for item in items {
            switch item {
            case .special(let special, let typeId):
                newIds.append(contentsOf: special)
                newTypes.append(contentsOf: repeatElement(typeId, count: special.count))
            case .sequence(let typeId):
                newIds.append(contentsOf: ids)
                if let typeId {
                    newTypes.append(contentsOf: repeatElement(typeId, count: ids.count))
                } else {
                    newTypes.append(contentsOf: typeIds)
                }
            }
        }
        ids = newIds
        typeIds = newTypes
    }
}
