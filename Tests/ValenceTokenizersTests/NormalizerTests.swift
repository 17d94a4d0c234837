import Foundation
import Testing
@testable import ValenceTokenizers

/// Normalizers on random strings of decomposable, combining and compatibility characters
/// (`normalizers.jsonl.gz`, written by make_fixtures.py from the Python package).
@Suite("Normalizers match the Rust crate")
struct NormalizerTests {
    private struct Row: Decodable {
        var text: String
        var nfc: String
        var nfd: String
        var nfkc: String
        var nfkd: String
        var strip_accents: String
        var lowercase: String
        var bert: String
        var nmt: String
    }

    private static func normalizer(_ name: String) -> (any TextNormalizer, (Row) -> String) {
        switch name {
        case "NFC": (UnicodeFormNormalizer(form: .nfc), { $0.nfc })
        case "NFD": (UnicodeFormNormalizer(form: .nfd), { $0.nfd })
        case "NFKC": (UnicodeFormNormalizer(form: .nfkc), { $0.nfkc })
        case "NFKD": (UnicodeFormNormalizer(form: .nfkd), { $0.nfkd })
        case "StripAccents": (StripAccentsNormalizer(), { $0.strip_accents })
        case "Lowercase": (LowercaseNormalizer(), { $0.lowercase })
        case "BertNormalizer": (BertNormalizer(), { $0.bert })
        default: (NmtNormalizer(), { $0.nmt })
        }
    }

    @Test("each normalizer gives the Python package's output",
          arguments: ["NFC", "NFD", "NFKC", "NFKD", "StripAccents", "Lowercase", "BertNormalizer", "Nmt"])
    func normalizer(name: String) throws {
        let (normalizer, field) = Self.normalizer(name)
        let raw = try Gzip.decompress([UInt8](Data(contentsOf: Fixtures.url("normalizers.jsonl.gz"))))
        let decoder = JSONDecoder()
        var wrong: [String] = []
        var total = 0
        for line in raw.split(separator: 0x0A) {
            let row = try decoder.decode(Row.self, from: Data(line))
            total += 1
            let got = UTF8.string(normalizer.normalize(Array(row.text.utf8)))
            if got.unicodeScalars.elementsEqual(field(row).unicodeScalars) == false {
                wrong.append("\"\(describe(row.text))\" \(row.text.unicodeScalars.map { String($0.value, radix: 16) }): expected \(field(row).unicodeScalars.map { String($0.value, radix: 16) }) got \(got.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(total > 0)
        #expect(wrong.isEmpty, "\(name): \(wrong.count)/\(total) differ:\n\(wrong.prefix(20).joined(separator: "\n"))")
    }
}
