import Foundation

/// Writes float32 tensors as a `.safetensors` file (tests, benchmarks, tools that make models).
public enum SafeTensorsWriter {
    /// One tensor to write: row-major values, `values.count` = product of `shape`.
    public struct Tensor: Sendable {
        public var name: String
        public var shape: [Int]
        public var values: [Float]

        public init(name: String, shape: [Int], values: [Float]) {
            precondition(values.count == shape.reduce(1, *), "\(name): \(values.count) values for shape \(shape)")
            self.name = name
            self.shape = shape
            self.values = values
        }
    }

    /// Writes `tensors` as F32 in the given order, header padded to 8 bytes as the reference does.
    public static func write(_ tensors: [Tensor], to url: URL) throws {
        var entries: [String] = []
        var offset = 0
        for tensor in tensors {
            let bytes = tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\"\(tensor.name)\":{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + bytes)]}")
            offset += bytes
        }
        var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
        while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
        var data = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
        data.append(contentsOf: header)
        for tensor in tensors {
            tensor.values.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        try data.write(to: url)
    }
}
