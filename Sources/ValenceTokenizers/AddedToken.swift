/// An entry of `tokenizer.json`'s `added_tokens`: a string matched in the raw (or normalized)
/// text before the model runs, and given its own id.
struct AddedToken: Sendable, Equatable {
    var content: String
    var id: Int32
    var special: Bool
    /// Only match when not inside a word.
    var singleWord: Bool
    /// Swallow whitespace on the left / right.
    var lstrip: Bool
    var rstrip: Bool
    /// Match in the normalized text instead of the raw text.
    var normalized: Bool

    init(json: JSONObject) throws {
        content = try json.string("content")
        id = Int32(try json.int("id"))
        special = json.bool("special", default: false)
        singleWord = json.bool("single_word", default: false)
        lstrip = json.bool("lstrip", default: false)
        rstrip = json.bool("rstrip", default: false)
        normalized = json.bool("normalized", default: !special)
    }
}
