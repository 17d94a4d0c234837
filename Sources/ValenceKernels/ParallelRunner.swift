import Synchronization

/// A small persistent pool: the caller plus `threadCount − 1` parked OS threads share the tasks of a run.
///
/// Tasks are claimed one at a time from a shared counter, so a worker that is slow to wake (or
/// descheduled on a busy machine) simply takes fewer of them; the caller never waits for a worker
/// that has not started. Idle workers spin for `spinMicroseconds` after each run (a forward pass
/// issues GEMMs back to back, so the next usually arrives while they still spin), then park on a
/// condition variable. Runs from several threads at once are serialised; `body` must not start a
/// run on the same runner.
public final class ParallelRunner: Sendable {
    /// Threads taking part in a run, the caller included (1 = the caller alone, no threads started).
    public var threadCount: Int { workers.count + 1 }
    private let workers: [ParallelWorker]
    private let tasks: ParallelTasks
    private let exclusive = Mutex(())

    /// A pool of `threadCount − 1` workers (fewer if the system refuses threads; at least the caller).
    /// - Parameter spinMicroseconds: how long an idle worker polls for new work before parking.
    public init(threadCount: Int, spinMicroseconds: Int = 100) {
        let tasks = ParallelTasks()
        self.tasks = tasks
        workers = (1..<max(1, threadCount)).compactMap { _ in
            ParallelWorker(tasks: tasks, spinNanoseconds: max(0, spinMicroseconds) * 1000)
        }
    }

    deinit {
        for worker in workers { worker.stop() }
    }

    /// Runs `body(task)` for every task in 0..<taskCount, spread over the caller and the workers, and
    /// returns when all have finished.
    public func run(tasks taskCount: Int, _ body: (Int) -> Void) {
        guard taskCount > 1, !workers.isEmpty else {
            for task in 0..<max(0, taskCount) { body(task) }
            return
        }
        exclusive.withLock { _ in
            withoutActuallyEscaping(body) { job in
                tasks.begin(job, count: taskCount)
                for worker in workers { worker.offer() }
                tasks.drain()
                for worker in workers { worker.retract() }
                tasks.end()
            }
        }
    }
}
