import Foundation
import Testing

@testable import ValenceEngine

/// The committed fixtures (made by Fixtures/make_fixtures.py) and their expected outputs.
enum Fixtures {
    static var root: URL {
        get throws {
            try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        }
    }

    static func folder(_ name: String) throws -> URL {
        try root.appendingPathComponent(name)
    }

    static func expected(_ name: String) throws -> Expected {
        let data = try Data(contentsOf: folder(name).appendingPathComponent("expected.json"))
        return try JSONDecoder().decode(Expected.self, from: data)
    }

    /// Copies a fixture model into a fresh temporary folder that tests may damage.
    static func copy(_ name: String) throws -> URL {
        let target = FileManager.default.temporaryDirectory
            .appendingPathComponent("valence-engine-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: folder(name), to: target)
        return target
    }
}

/// expected.json: PyTorch float32 outputs for batches of ids.
struct Expected: Decodable {
    struct Case: Decodable {
        var name: String
        var inputIDs: [[Int32]]
        var logits: [[Float]]?
        var probabilities: [[Float]]?
        var embeddings: [[Float]]

        enum CodingKeys: String, CodingKey {
            case name, logits, probabilities, embeddings
            case inputIDs = "input_ids"
        }
    }

    var modelType: String
    var labels: [String]
    var problemType: String?
    var maxLength: Int
    var cases: [Case]

    enum CodingKeys: String, CodingKey {
        case labels, cases
        case modelType = "model_type"
        case problemType = "problem_type"
        case maxLength = "max_length"
    }
}

/// The largest absolute difference between two equally shaped batches of vectors.
func maxAbsoluteDifference(_ actual: [[Float]], _ expected: [[Float]]) -> Float {
    guard actual.count == expected.count else { return .infinity }
    var worst: Float = 0
    for (row, reference) in zip(actual, expected) {
        guard row.count == reference.count else { return .infinity }
        for (a, b) in zip(row, reference) { worst = max(worst, abs(a - b)) }
    }
    return worst
}
