extension Array where Element == LabelScore {
    /// The scores as a JSON object text in label order, e.g. `{"neg":0.0,"neu":0.3,"pos":0.7,"compound":0.7}`.
    public var jsonObjectText: String {
        var bytes: [UInt8] = []
        appendJSONObject(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the scores as a JSON object in label order.
    public func appendJSONObject(to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "{"))
        for (index, score) in enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(score.label, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONText.appendNumber(score.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
    }
}
