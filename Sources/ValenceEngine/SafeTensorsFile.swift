import Foundation

/// A memory-mapped `.safetensors` file: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw data.
///
/// Float tensors (F32, F16, BF16, F64) load as float32; F32 data is used in place when aligned.
/// Other dtypes (e.g. an I64 `position_ids` buffer) are validated but never loaded.
struct SafeTensorsFile: Sendable {
    /// Element types of the format, with their sizes in bytes.
    enum DType: String, Sendable {
        case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
        case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
        case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8", bool = "BOOL"
        case f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"

        var byteSize: Int {
            switch self {
            case .f64, .i64, .u64: 8
            case .f32, .i32, .u32: 4
            case .f16, .bf16, .i16, .u16: 2
            case .i8, .u8, .bool, .f8e4m3, .f8e5m2: 1
            }
        }
    }

    /// One header entry; `offset` is absolute in the file.
    struct Entry: Sendable {
        var dtype: DType
        var shape: [Int]
        var offset: Int
        var byteCount: Int
    }

    /// The header must fit in this many bytes (the format's own reference limit is 100 MB).
    static let maximumHeaderBytes = 100_000_000

    let file: MappedFile
    let entries: [String: Entry]
    var path: String { file.path }

    init(path: String) throws {
        let file = try MappedFile(path: path)
        self.file = file
        self.entries = try Self.parseHeader(of: file)
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// Loads `name` as float32, checking its shape against `expected` when given.
    func tensor(_ name: String, shape expected: [Int]? = nil) throws -> WeightTensor {
        guard let entry = entries[name] else { throw EngineError.missingTensor(name: name) }
        if let expected, expected != entry.shape {
            throw EngineError.wrongShape(name: name, expected: expected, actual: entry.shape)
        }
        guard let base = file.base else { throw EngineError.missingTensor(name: name) }
        let source = base + entry.offset
        let count = entry.shape.reduce(1, *)
        switch entry.dtype {
        case .f32:
            if Int(bitPattern: source) % MemoryLayout<Float>.alignment == 0 {
                return WeightTensor(
                    shape: entry.shape,
                    viewing: source.assumingMemoryBound(to: Float.self),
                    in: file
                )
            }
            return WeightTensor(shape: entry.shape) { target in
                _ = memcpy(target.baseAddress!, source, count * 4)
            }
        case .f16:
            return WeightTensor(shape: entry.shape) { target in
                for index in 0..<count {
                    let bits = source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
                    target[index] = Self.floatFromHalf(UInt16(littleEndian: bits))
                }
            }
        case .bf16:
            return WeightTensor(shape: entry.shape) { target in
                for index in 0..<count {
                    let bits = source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)
                    target[index] = Float(bitPattern: UInt32(UInt16(littleEndian: bits)) << 16)
                }
            }
        case .f64:
            return WeightTensor(shape: entry.shape) { target in
                for index in 0..<count {
                    target[index] = Float(source.loadUnaligned(fromByteOffset: index * 8, as: Double.self))
                }
            }
        default:
            throw EngineError.unsupportedDType(name: name, dtype: entry.dtype.rawValue)
        }
    }

    /// IEEE 754 binary16 to float32, written out so it does not depend on `Float16` availability.
    static func floatFromHalf(_ half: UInt16) -> Float {
        let sign = UInt32(half & 0x8000) << 16
        let exponent = Int(half >> 10) & 0x1F
        let mantissa = UInt32(half & 0x03FF)
        switch exponent {
        case 0:
            // Zero or subnormal: mantissa × 2^-24.
            let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign == 0 ? magnitude : -magnitude
        case 0x1F:
            return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
        default:
            return Float(bitPattern: sign | UInt32(exponent + 112) << 23 | (mantissa << 13))
        }
    }

    private static func parseHeader(of file: MappedFile) throws -> [String: Entry] {
        let path = file.path
        guard file.size >= 8, let base = file.base else {
            throw EngineError.truncatedFile(path: path, expectedBytes: 8, actualBytes: file.size)
        }
        let headerLength = UInt64(littleEndian: base.loadUnaligned(as: UInt64.self))
        guard headerLength >= 2, headerLength <= UInt64(maximumHeaderBytes) else {
            throw EngineError.badHeader(path: path, reason: "header length \(headerLength) is out of range")
        }
        let dataStart = 8 + Int(headerLength)
        guard dataStart <= file.size else {
            throw EngineError.truncatedFile(path: path, expectedBytes: dataStart, actualBytes: file.size)
        }
        let json = Data(bytes: base + 8, count: Int(headerLength))
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: json)
        } catch {
            throw EngineError.badHeader(path: path, reason: "header is not valid JSON")
        }
        guard let header = object as? [String: Any] else {
            throw EngineError.badHeader(path: path, reason: "header is not a JSON object")
        }
        var entries: [String: Entry] = [:]
        var dataEnd = 0
        for (name, value) in header where name != "__metadata__" {
            let entry = try parseEntry(name: name, value: value, path: path)
            entries[name] = Entry(
                dtype: entry.dtype, shape: entry.shape,
                offset: dataStart + entry.offset, byteCount: entry.byteCount
            )
            dataEnd = max(dataEnd, entry.offset + entry.byteCount)
        }
        guard dataStart + dataEnd <= file.size else {
            throw EngineError.truncatedFile(path: path, expectedBytes: dataStart + dataEnd, actualBytes: file.size)
        }
        return entries
    }

    /// Parses one tensor entry; `offset` in the result is relative to the data section.
    private static func parseEntry(name: String, value: Any, path: String) throws -> Entry {
        func bad(_ reason: String) -> EngineError {
            .badHeader(path: path, reason: "tensor '\(name)': \(reason)")
        }
        guard let fields = value as? [String: Any] else { throw bad("entry is not an object") }
        guard let dtypeName = fields["dtype"] as? String else { throw bad("no dtype") }
        guard let dtype = DType(rawValue: dtypeName) else { throw bad("unknown dtype \(dtypeName)") }
        guard let shape = (fields["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
              shape.count == (fields["shape"] as? [Any])?.count, shape.allSatisfy({ $0 >= 0 })
        else { throw bad("bad shape") }
        guard let offsets = (fields["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
              offsets.count == 2, offsets[0] >= 0, offsets[1] >= offsets[0]
        else { throw bad("bad data_offsets") }
        let (elements, overflow) = shape.reduce((1, false)) { partial, dimension in
            let product = partial.0.multipliedReportingOverflow(by: dimension)
            return (product.partialValue, partial.1 || product.overflow)
        }
        guard !overflow, elements.multipliedReportingOverflow(by: dtype.byteSize).overflow == false,
              offsets[1] - offsets[0] == elements * dtype.byteSize
        else { throw bad("data_offsets span \(offsets[1] - offsets[0]) bytes, shape \(shape) of \(dtypeName) needs \(elements &* dtype.byteSize)") }
        return Entry(dtype: dtype, shape: shape, offset: offsets[0], byteCount: offsets[1] - offsets[0])
    }
}
