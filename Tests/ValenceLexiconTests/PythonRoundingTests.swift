import Foundation
import Testing
@testable import ValenceLexicon

@Suite("Python round(x, n) semantics")
struct PythonRoundingTests {
    /// Values whose decimal spelling looks like a tie: Python rounds the exact binary value.
    @Test("Tricky values round as CPython does", arguments: [
        // (x, round(x, 3), round(x, 4)) computed by CPython 3.11
        (0.0625, 0.062, 0.0625),     // exact binary tie at 3 digits: half-even goes down
        (0.8125, 0.812, 0.8125),     // exact binary tie: down to even
        (0.1875, 0.188, 0.1875),     // exact binary tie: up to even
        (0.0045, 0.004, 0.0045),     // binary value is just below 0.0045
        (0.0005, 0.001, 0.0005),     // binary value is just above 0.0005
        (1.0005, 1.0, 1.0005),       // binary value is just below 1.0005
        (0.5555, 0.555, 0.5555),
        (0.1415, 0.141, 0.1415),
        (0.00015, 0.0, 0.0001),      // 4-digit rounding of a value just below the tie
        (0.12345, 0.123, 0.1235),    // ... and of one just above
        (0.9995, 1.0, 0.9995),
        (2.675, 2.675, 2.675),
        (-0.0625, -0.062, -0.0625),
        (-0.0001, -0.0, -0.0001),
        (Double.leastNonzeroMagnitude, 0.0, 0.0),
        (123456789012.34567, 123456789012.346, 123456789012.3457),
    ])
    func trickyValues(value: Double, three: Double, four: Double) {
        #expect(PythonRounding.round(value, digits: 3) == three)
        #expect(PythonRounding.round(value, digits: 4) == four)
    }

    @Test("Naive scaling differs from Python on ties; PythonRounding does not")
    func naiveScalingIsWrong() {
        let naive = { (x: Double) in (x * 1000).rounded() / 1000 }
        #expect(naive(0.0625) == 0.063)
        #expect(PythonRounding.round(0.0625, digits: 3) == 0.062)
        #expect(naive(0.0045) == 0.005)
        #expect(PythonRounding.round(0.0045, digits: 3) == 0.004)
        #expect(naive(1.0005) == 1.001)
        #expect(PythonRounding.round(1.0005, digits: 3) == 1.0)
    }

    @Test("Sign of zero and non-finite values are preserved")
    func signsAndSpecials() {
        #expect(PythonRounding.round(-0.0001, digits: 3).sign == .minus)
        #expect(PythonRounding.round(0, digits: 3) == 0)
        #expect(PythonRounding.round(.infinity, digits: 3) == .infinity)
        #expect(PythonRounding.round(.nan, digits: 4).isNaN)
    }

    @Test("Matches CPython on every value of python-round.jsonl")
    func referenceTable() throws {
        let data = try Data(contentsOf: ReferenceFixtures.url("python-round.jsonl"))
        let decoder = JSONDecoder()
        var checked = 0
        var failures: [String] = []
        for line in data.split(separator: UInt8(ascii: "\n")) {
            let row = try decoder.decode([Double].self, from: Data(line))
            let (x, three, four) = (row[0], row[1], row[2])
            let got3 = PythonRounding.round(x, digits: 3)
            let got4 = PythonRounding.round(x, digits: 4)
            if got3 != three || got4 != four {
                failures.append("\(x): got \(got3) \(got4), python \(three) \(four)")
            }
            checked += 1
        }
        #expect(checked > 10_000)
        #expect(failures.isEmpty, "\(failures.count) differences, e.g. \(failures.prefix(10))")
    }
}
