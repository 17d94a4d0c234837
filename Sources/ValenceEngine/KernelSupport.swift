#if canImport(Glibc)
import Glibc
#endif

/// Whether this CPU can run `ValenceKernels` (compiled for AVX2 + FMA). Lives here, compiled for the
/// baseline CPU, so that asking is safe on any x86-64 machine; the engine falls back to OpenBLAS when not.
enum KernelSupport {
    /// True when /proc/cpuinfo lists both `avx2` and `fma`.
    static let isSupported: Bool = {
        guard let flags = cpuFlags() else { return false }
        return flags.contains("avx2") && flags.contains("fma")
    }()

    /// The words of the first `flags` line of /proc/cpuinfo, or nil when it cannot be read.
    static func cpuFlags() -> Set<Substring>? {
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line)
            guard text.hasPrefix("flags") else { continue }
            guard let colon = text.firstIndex(of: ":") else { return nil }
            return Set(text[text.index(after: colon)...].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }))
        }
        return nil
    }
}
