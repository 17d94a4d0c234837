import Foundation
import Testing
@testable import ValenceTokenizers

/// Exact agreement with the Python `tokenizers` package on every committed fixture case.
@Suite("Parity with HuggingFace tokenizers")
struct ParityTests {
    @Test("every fixture tokenizer is listed", arguments: [
        "minilm-wordpiece", "bpe-bytelevel", "unigram-precompiled",
    ])
    func mainFixturesExist(name: String) {
        #expect(Fixtures.names.contains(name))
    }

    @Test("identical ids, attention masks and type ids", arguments: Fixtures.names)
    func parity(name: String) throws {
        let tokenizer = try Fixtures.tokenizer(name)
        let cases = try Fixtures.cases(name)
        #expect(!cases.isEmpty)
        var mismatches: [String] = []
        for item in cases {
            let got = tokenizer.encode(item.text, maxLength: item.maxLength)
            if got != item.expected {
                mismatches.append("""
                line \(item.line) max_length=\(item.maxLength.map(String.init) ?? "nil") text=\"\(describe(item.text))\"
                    expected \(item.expected.ids)
                    got      \(got.ids)\(got.ids == item.expected.ids ? " (mask/type ids differ)" : "")
                """)
            }
        }
        let matched = cases.count - mismatches.count
        #expect(mismatches.isEmpty, "\(name): \(matched)/\(cases.count) matched; mismatches:\n\(mismatches.prefix(40).joined(separator: "\n"))")
    }

    @Test("encodeBatch pads to the longest like encode_batch", arguments: Fixtures.names)
    func batch(name: String) throws {
        let tokenizer = try Fixtures.tokenizer(name)
        for batch in try Fixtures.batches(name) {
            let got = tokenizer.encodeBatch(batch.texts, maxLength: batch.maxLength)
            #expect(got == batch.expected, "\(name) batch max_length=\(String(describing: batch.maxLength))")
        }
    }
}
