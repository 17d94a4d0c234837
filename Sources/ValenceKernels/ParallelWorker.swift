#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One OS thread of a `ParallelRunner`: spins, then parks, until offered a run, then helps drain it.
///
/// Per run the `offer` moves 0 (idle) → 1 (offered), and the worker claims it 1 → 2 (working) and
/// reports 3 (done); the runner's `retract` either takes an unclaimed offer back (1 → 0) or waits for
/// 3. So the caller never waits for a thread that has not woken, and a late thread never touches a
/// finished run. Waking: `offer` bumps `posted` and signals under the mutex if the worker parked,
/// and the worker re-checks `posted` under that mutex before waiting, so no wake-up is lost.
final class ParallelWorker: @unchecked Sendable {
    private static let idle = 0, offered = 1, working = 2, done = 3

    private let tasks: ParallelTasks
    private let state = Atomic<Int>(0)
    private let posted = Atomic<Int>(0)
    private let parked = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let spinNanoseconds: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var thread = pthread_t()

    /// Starts the thread; nil when the system refuses one (the runner then has fewer workers).
    init?(tasks: ParallelTasks, spinNanoseconds: Int) {
        self.tasks = tasks
        self.spinNanoseconds = spinNanoseconds
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        let context = Unmanaged.passRetained(self)
        let status = pthread_create(&thread, nil, { context in
            let worker = Unmanaged<ParallelWorker>.fromOpaque(context!).takeRetainedValue()
            worker.loop()
            return nil
        }, context.toOpaque())
        guard status == 0 else {
            context.release()
            releaseSynchronisation()
            return nil
        }
    }

    /// Offers the runner's current run to this worker.
    func offer() {
        state.store(Self.offered, ordering: .releasing)
        posted.add(1, ordering: .sequentiallyConsistent)
        wakeIfParked()
    }

    /// Takes the offer back if the worker has not claimed it, else waits until it is done.
    func retract() {
        if state.compareExchange(expected: Self.offered, desired: Self.idle, ordering: .acquiringAndReleasing).exchanged {
            return
        }
        var spins = 0
        while state.load(ordering: .acquiring) != Self.done {
            spins &+= 1
            // The worker may have been descheduled mid-task on a busy machine: give it the core.
            if spins > 4096 { sched_yield() }
        }
        state.store(Self.idle, ordering: .relaxed)
    }

    /// Ends the thread and waits for it (no run may be in progress).
    func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        posted.add(1, ordering: .sequentiallyConsistent)
        wakeIfParked()
        pthread_join(thread, nil)
        releaseSynchronisation()
    }

    private func releaseSynchronisation() {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    private func wakeIfParked() {
        if parked.load(ordering: .sequentiallyConsistent) {
            pthread_mutex_lock(mutex)
            pthread_cond_signal(condition)
            pthread_mutex_unlock(mutex)
        }
    }

    private func loop() {
        var seen = 0
        while true {
            seen = awaitPost(after: seen)
            if stopping.load(ordering: .acquiring) { return }
            if state.compareExchange(expected: Self.offered, desired: Self.working, ordering: .acquiringAndReleasing).exchanged {
                tasks.drain()
                state.store(Self.done, ordering: .releasing)
            }
        }
    }

    /// Returns the new value of `posted` once it differs from `seen`: spinning first, then parked.
    private func awaitPost(after seen: Int) -> Int {
        let deadline = now() + spinNanoseconds
        var spins = 0
        while true {
            let current = posted.load(ordering: .acquiring)
            if current != seen { return current }
            spins &+= 1
            if spins & 1023 == 0, now() >= deadline { break }
        }
        pthread_mutex_lock(mutex)
        parked.store(true, ordering: .sequentiallyConsistent)
        var current = posted.load(ordering: .sequentiallyConsistent)
        while current == seen {
            pthread_cond_wait(condition, mutex)
            current = posted.load(ordering: .sequentiallyConsistent)
        }
        parked.store(false, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
        return current
    }

    private func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1_000_000_000 + time.tv_nsec
    }
}
