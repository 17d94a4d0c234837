import Foundation

/// Typed, throwing access to one JSON object of a `tokenizer.json` (as decoded by `JSONSerialization`).
struct JSONObject {
    let raw: [String: Any]
    /// Names the component in error messages, e.g. "normalizer BertNormalizer".
    let context: String

    init(_ value: Any?, context: String) throws {
        guard let raw = value as? [String: Any] else {
            throw TokenizerError.invalidField(component: context, field: "<object>")
        }
        self.raw = raw
        self.context = context
    }

    init(raw: [String: Any], context: String) {
        self.raw = raw
        self.context = context
    }

    /// The component's `type` field, or nil when absent.
    var type: String? { raw["type"] as? String }

    func has(_ key: String) -> Bool {
        guard let value = raw[key] else { return false }
        return !(value is NSNull)
    }

    func string(_ key: String) throws -> String {
        guard let value = raw[key] as? String else { throw TokenizerError.invalidField(component: context, field: key) }
        return value
    }

    func optionalString(_ key: String) -> String? { raw[key] as? String }

    func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = raw[key], !(value is NSNull) else { return fallback }
        if let number = value as? NSNumber { return number.boolValue }
        return fallback
    }

    func optionalBool(_ key: String) -> Bool? {
        guard let value = raw[key], !(value is NSNull), let number = value as? NSNumber else { return nil }
        return number.boolValue
    }

    func int(_ key: String) throws -> Int {
        guard let value = raw[key] as? NSNumber else { throw TokenizerError.invalidField(component: context, field: key) }
        return value.intValue
    }

    func optionalInt(_ key: String) -> Int? { (raw[key] as? NSNumber)?.intValue }

    func optionalDouble(_ key: String) -> Double? { (raw[key] as? NSNumber)?.doubleValue }

    func object(_ key: String) throws -> JSONObject {
        try JSONObject(raw[key], context: "\(context).\(key)")
    }

    func optionalObject(_ key: String) -> JSONObject? {
        guard let value = raw[key] as? [String: Any] else { return nil }
        return JSONObject(raw: value, context: "\(context).\(key)")
    }

    func array(_ key: String) throws -> [Any] {
        guard let value = raw[key] as? [Any] else { throw TokenizerError.invalidField(component: context, field: key) }
        return value
    }

    /// The elements of an array of objects, each with its own error context.
    func objects(_ key: String) throws -> [JSONObject] {
        try array(key).enumerated().map { try JSONObject($0.element, context: "\(context).\(key)[\($0.offset)]") }
    }
}
