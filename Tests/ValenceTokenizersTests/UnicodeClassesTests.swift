import Foundation
import Testing
@testable import ValenceTokenizers

/// Every code point's class, against the classes measured through the Python package
/// (`unicode_classes.json`, written by make_fixtures.py).
@Suite("Unicode classes match the Rust crate")
struct UnicodeClassesTests {
    static let measured: [String: [[UInt32]]] = {
        guard let data = try? Data(contentsOf: Fixtures.url("unicode_classes.json")),
              let object = try? JSONDecoder().decode([String: [[UInt32]]].self, from: data) else { return [:] }
        return object
    }()

    static let predicates: [String: @Sendable (UInt32) -> Bool] = [
        "bert_control": { $0 == 0 || $0 == 0xFFFD || UnicodeClass.isBertControl($0) },
        "bert_whitespace": { !UnicodeClass.isBertControl($0) && $0 != 0 && $0 != 0xFFFD && UnicodeClass.isBertWhitespace($0) },
        "chinese": UnicodeClass.isChineseChar,
        "bert_punctuation": UnicodeClass.isBertPunctuation,
        "bert_nonspacing_removed": { scalar in
            ScalarMappingCache.canonicalDecomposition.mapping(scalar).allSatisfy(UnicodeClass.isBertNonspacingMark)
        },
        "combining_mark": UnicodeClass.isCombiningMark,
        "letter": { ByteLevelScanner.classify($0) == .letter },
        "number": { ByteLevelScanner.classify($0) == .number },
        "other": { ByteLevelScanner.classify($0) == .other },
        "whitespace": UnicodeClass.isWhitespace,
        "word": UnicodeClass.isWordCharacter,
        "numeric": UnicodeClass.isNumeric,
    ]

    @Test("class membership of every code point", arguments: predicates.keys.sorted())
    func membership(name: String) throws {
        let ranges = try #require(Self.measured[name], "unicode_classes.json has no \(name)")
        let predicate = try #require(Self.predicates[name])
        var expected = [Bool](repeating: false, count: 0x110000)
        for range in ranges {
            for value in range[0]...range[1] { expected[Int(value)] = true }
        }
        var wrong: [String] = []
        for value in UInt32(0)..<0x110000 where !(0xD800...0xDFFF).contains(value) {
            if predicate(value) != expected[Int(value)] {
                wrong.append(String(format: "%04X%@", value, expected[Int(value)] ? "+" : "-"))
            }
        }
        #expect(wrong.isEmpty, "\(name): \(wrong.count) code points differ (+ = should be in the class): \(wrong.prefix(200).joined(separator: " "))")
    }
}
