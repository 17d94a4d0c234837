import Synchronization
import ValenceApp

/// A `ProgressBar` that concurrent code may update: counts of `total` items done.
final class SharedProgressBar: Sendable {
    private let bar: Mutex<ProgressBar>

    init(total: Int) {
        bar = Mutex(ProgressBar(totalBytes: total))
    }

    func update(done: Int) {
        bar.withLock { $0.update(records: done, bytes: done) }
    }

    func finish(done: Int) {
        bar.withLock { $0.finish(records: done, bytes: done) }
    }
}
