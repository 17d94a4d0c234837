import Builtin

/// Software prefetch (`prefetcht0`), which the standard library does not expose: LLVM's
/// `llvm.prefetch` intrinsic through the `Builtin` module (enabled for this target only).
enum Prefetch {
    /// Hints that the cache line at `address` will be read soon; never faults.
    @inline(__always)
    static func read(_ address: UnsafeRawPointer) {
        // Arguments: address, read (0), locality 3 (keep in all levels), data cache (1).
        Builtin.int_prefetch_RawPointer(
            address._rawValue, Builtin.zeroInitializer(), (3 as Int32)._value, (1 as Int32)._value
        )
    }
}
