import Foundation
import Testing
@testable import ValenceLexicon

@Suite("Python str semantics for every code point")
struct PythonUnicodeTests {
    private struct Expected {
        var flags: Substring = ""
        var lower: [UInt32] = []
    }

    /// `python-unicode.txt`, dumped from CPython 3.11 by `make_python_semantics.py`.
    private static func table() throws -> [UInt32: Expected] {
        let text = try String(contentsOf: ReferenceFixtures.url("python-unicode.txt"), encoding: .utf8)
        var table: [UInt32: Expected] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard let value = UInt32(fields[0], radix: 16) else { continue }
            table[value] = Expected(flags: fields[1] == "-" ? "" : fields[1],
                                    lower: fields[2...].compactMap { UInt32($0, radix: 16) })
        }
        return table
    }

    private static func lower(_ utf8: [UInt8]) -> String {
        var output = [UInt8](repeating: 0, count: utf8.count * 2 + 8)
        let length = utf8.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { PythonUnicode.lowercase(input, into: $0) }
        }
        return String(decoding: output[..<length], as: UTF8.self)
    }

    @Test("isupper() role, Final_Sigma context, isspace() and lower() agree with CPython 3.11")
    func everyScalar() throws {
        let table = try Self.table()
        #expect(table.count > 6_000)
        var failures: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = table[value] ?? Expected(flags: "", lower: [value])
            let caseClass: PythonUnicode.CaseClass =
                expected.flags.contains("U") ? .upper : expected.flags.contains("B") ? .lowerOrTitle : .uncased
            let context: PythonUnicode.SigmaContext =
                expected.flags.contains("C") ? .cased : expected.flags.contains("I") ? .caseIgnorable : .other
            let utf8 = Array(String(scalar).utf8)
            let lowerScalars = Self.lower(utf8).unicodeScalars.map(\.value)
            let isSpace = expected.flags.contains("S")
            let spaceLength = utf8.withUnsafeBufferPointer { PythonText.whitespaceLength($0, at: 0) }
            if PythonUnicode.caseClass(scalar) != caseClass || PythonUnicode.sigmaContext(scalar) != context
                || PythonText.isWhitespace(value) != isSpace || (spaceLength > 0) != isSpace
                || lowerScalars != (expected.lower.isEmpty ? [value] : expected.lower) {
                failures.append(String(value, radix: 16))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) code points differ: \(failures.prefix(30))")
    }

    @Test("str.lower() applies the Final_Sigma rule in context")
    func finalSigma() {
        func lower(_ text: String) -> String { Self.lower(Array(text.utf8)) }
        #expect(lower("ΑΣ") == "ας")
        #expect(lower("Σ") == "σ")
        #expect(lower("ΣΑ") == "σα")
        #expect(lower("ΑΣ'") == "ας'")
        #expect(lower("ΌΣΟΣ") == "όσος")
        #expect(lower("İ") == "i\u{307}")
        #expect(lower("\u{212A}IND") == "kind")
    }

    @Test("str.isupper() needs a cased character and no lowercase or titlecase one")
    func isUpper() {
        func isUpper(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { PythonUnicode.isUpper($0) }
        }
        #expect(isUpper("GOOD"))
        #expect(isUpper("ÉNORME"))
        #expect(isUpper("A1!"))
        #expect(!isUpper("123"))
        #expect(!isUpper("Good"))
        #expect(!isUpper("ǅ"))      // titlecase
        #expect(isUpper("ⒶⒷ"))     // Other_Uppercase
        #expect(!isUpper("很好"))
        #expect(isUpper(":Þ"))
    }
}
