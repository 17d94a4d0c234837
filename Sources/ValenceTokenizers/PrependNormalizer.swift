/// `Prepend`: puts a fixed string before every non-empty piece.
struct PrependNormalizer: TextNormalizer {
    let prefix: [UInt8]

    init(json: JSONObject) throws {
        prefix = Array(try json.string("prepend").utf8)
    }

    func normalize(_ text: [UInt8]) -> [UInt8] {
        text.isEmpty ? text : prefix + text
    }
}
