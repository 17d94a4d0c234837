#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only, private memory mapping of a whole file.
///
/// The mapping lives as long as this object; `WeightTensor` views into it keep it alive.
/// Immutable after `init`, so sharing it across threads is safe.
final class MappedFile: @unchecked Sendable {
    let path: String
    /// Start of the mapping; nil for an empty file (mmap cannot map zero bytes).
    let base: UnsafeRawPointer?
    let size: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw EngineError.fileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw EngineError.fileUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        size = Int(info.st_size)
        guard size > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw EngineError.fileUnreadable(path: path, reason: "mmap: " + String(cString: strerror(errno)))
        }
        base = UnsafeRawPointer(mapped)
    }

    /// Drops the whole pages inside [start, start + byteCount) from the resident set.
    func release(_ start: UnsafeRawPointer, byteCount: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) / page * page
        let end = (Int(bitPattern: start) + byteCount) / page * page
        guard end > first, let pointer = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(pointer, end - first, MADV_DONTNEED)
    }

    deinit {
        if let base {
            munmap(UnsafeMutableRawPointer(mutating: base), size)
        }
    }
}
