import Foundation

/// A fixed-size buffer that parallel workers fill at disjoint indices.
/// Safety rests on the caller: each index is written by one worker, and read only after all have joined.
final class UnsafeSendableBuffer<Element>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Element>

    init(count: Int, repeating value: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: value)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    subscript(index: Int) -> Element {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// The contents as an array (after all workers finished).
    func take() -> [Element] {
        Array(storage)
    }
}

