import ValenceCore

extension FieldValue {
    /// Appends the value as JSON.
    func appendJSON(to bytes: inout [UInt8]) {
        switch self {
        case .string(let string): JSONText.appendQuoted(string, to: &bytes)
        case .number(let number): JSONText.appendNumber(number, to: &bytes)
        case .scores(let scores): scores.appendJSONObject(to: &bytes)
        case .floats(let values): appendArray(values.map { JSONText.number($0) }, to: &bytes)
        case .integers(let values): appendArray(values.map { String($0) }, to: &bytes)
        }
    }

    /// The value as one CSV cell (before quoting).
    var csvText: String {
        switch self {
        case .string(let string): return string
        case .number(let number): return JSONText.number(number)
        default:
            var bytes: [UInt8] = []
            appendJSON(to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private func appendArray(_ items: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: item.utf8)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
