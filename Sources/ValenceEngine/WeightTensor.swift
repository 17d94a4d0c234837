/// An immutable float32 tensor in row-major order.
///
/// Either a zero-copy view into a memory-mapped safetensors file (aligned F32 data) or a
/// buffer it owns (F16/BF16 converted at load, or unaligned F32 copied). Never written
/// after `init`, so it is safe to share across threads.
final class WeightTensor: @unchecked Sendable {
    private enum Storage {
        case mapped(MappedFile)
        case owned(UnsafeMutablePointer<Float>)
    }

    let shape: [Int]
    let count: Int
    let pointer: UnsafePointer<Float>
    private let storage: Storage

    /// A view into `file`; `pointer` must lie inside its mapping and be Float-aligned.
    init(shape: [Int], viewing pointer: UnsafePointer<Float>, in file: MappedFile) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.pointer = pointer
        self.storage = .mapped(file)
    }

    /// A tensor that owns fresh memory filled by `fill`.
    init(shape: [Int], fill: (UnsafeMutableBufferPointer<Float>) -> Void) {
        self.shape = shape
        let count = shape.reduce(1, *)
        self.count = count
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 1))
        fill(UnsafeMutableBufferPointer(start: buffer, count: count))
        self.pointer = UnsafePointer(buffer)
        self.storage = .owned(buffer)
    }

    deinit {
        if case let .owned(buffer) = storage {
            buffer.deallocate()
        }
    }

    /// Tells the kernel this view's whole pages may be dropped from memory (they re-read from the
    /// file if touched again); no effect on owned tensors. Used once a copy replaces the view.
    func releaseMappedPages() {
        if case let .mapped(file) = storage {
            file.release(UnsafeRawPointer(pointer), byteCount: count * MemoryLayout<Float>.stride)
        }
    }

    /// The element at `index` (tests and small heads only; hot loops use `pointer`).
    subscript(index: Int) -> Float {
        precondition(index >= 0 && index < count)
        return pointer[index]
    }
}
