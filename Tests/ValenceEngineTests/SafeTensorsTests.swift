import Foundation
import Testing

@testable import ValenceEngine

/// The safetensors reader and the loader's errors on damaged or mismatched checkpoints.
@Suite("safetensors loading")
struct SafeTensorsTests {
    @Test("a truncated weight file is reported with the sizes")
    func truncatedFile() throws {
        let folder = try Fixtures.copy("bert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("model.safetensors")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size - 100))
        try handle.close()
        #expect(throws: EngineError.truncatedFile(path: file.path, expectedBytes: size, actualBytes: size - 100)) {
            try EncoderModel(directory: folder)
        }
    }

    @Test("malformed headers are rejected", arguments: [
        Data([1, 2, 3]),
        Data([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0]) + Data("{}".utf8),
        Data([8, 0, 0, 0, 0, 0, 0, 0]) + Data("not json".utf8),
        Data([16, 0, 0, 0, 0, 0, 0, 0]) + Data(#"{"a":{"dtype":1}}"#.utf8),
        Data([64, 0, 0, 0, 0, 0, 0, 0]) + Data(#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}    "#.utf8),
    ])
    func badHeaders(bytes: Data) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).safetensors")
        try bytes.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect {
            _ = try SafeTensorsFile(path: file.path)
        } throws: { error in
            switch error as? EngineError {
            case .badHeader, .truncatedFile: true
            default: false
            }
        }
    }

    @Test("a missing tensor is named")
    func missingTensor() throws {
        let folder = try Fixtures.copy("bert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("model.safetensors")
        let original = try SafeTensorsFile(path: file.path)
        let missing = "bert.encoder.layer.1.intermediate.dense.bias"
        let kept = try original.entries.keys.sorted().filter { $0 != missing }.map { name in
            let tensor = try original.tensor(name)
            return SafeTensorsWriter.Tensor(
                name: name, shape: tensor.shape,
                values: Array(UnsafeBufferPointer(start: tensor.pointer, count: tensor.count))
            )
        }
        try SafeTensorsWriter.write(kept, to: file)
        #expect(throws: EngineError.missingTensor(name: missing)) { try EncoderModel(directory: folder) }
    }

    @Test("a shape that contradicts config.json is reported")
    func wrongShape() throws {
        let folder = try Fixtures.copy("bert")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config.json")
        let text = try String(contentsOf: config, encoding: .utf8)
            .replacingOccurrences(of: "\"intermediate_size\": 128", with: "\"intermediate_size\": 100")
        try text.write(to: config, atomically: true, encoding: .utf8)
        #expect(throws: EngineError.wrongShape(
            name: "bert.encoder.layer.0.intermediate.dense.weight", expected: [100, 64], actual: [128, 64]
        )) {
            try EncoderModel(directory: folder)
        }
    }

    @Test("a missing folder or weight file is a readable error")
    func missingFiles() throws {
        let folder = try Fixtures.copy("bert")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("model.safetensors"))
        #expect {
            try EncoderModel(directory: folder)
        } throws: { error in
            if case .fileUnreadable = error as? EngineError { true } else { false }
        }
    }

    @Test("F32 round-trips through the writer; I64 buffers are listed but not loaded")
    func writerAndIntegerTensors() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: file) }
        try SafeTensorsWriter.write([.init(name: "w", shape: [2, 3], values: [1, -2, 3.5, 0, 1e-8, -7])], to: file)
        let loaded = try SafeTensorsFile(path: file.path).tensor("w", shape: [2, 3])
        #expect(Array(UnsafeBufferPointer(start: loaded.pointer, count: loaded.count)) == [1, -2, 3.5, 0, 1e-8, -7])

        let roberta = try SafeTensorsFile(path: Fixtures.folder("roberta").appendingPathComponent("model.safetensors").path)
        #expect(roberta.entries["embeddings.position_ids"]?.dtype == .i64)
        #expect(throws: EngineError.unsupportedDType(name: "embeddings.position_ids", dtype: "I64")) {
            try roberta.tensor("embeddings.position_ids")
        }
    }

    @Test("half-precision bit patterns convert exactly", arguments: [
        (UInt16(0x3C00), Float(1)), (0xC000, -2), (0x7BFF, 65504), (0x0001, 5.960_464_5e-8),
        (0x0400, 6.103_515_6e-5), (0x3555, 0.333_251_95), (0x0000, 0),
    ])
    func halfConversion(bits: UInt16, value: Float) {
        #expect(SafeTensorsFile.floatFromHalf(bits) == value)
    }
}
