import Synchronization

/// The current run of a `ParallelRunner`: its body and the counter its participants claim tasks from.
///
/// `job` and `count` are written by the runner before any worker is offered the run and cleared after
/// every worker has finished or been retracted; the offer/claim atomics order those accesses.
final class ParallelTasks: @unchecked Sendable {
    private let next = Atomic<Int>(0)
    private var job: ((Int) -> Void)?
    private var count = 0

    func begin(_ job: @escaping (Int) -> Void, count: Int) {
        self.job = job
        self.count = count
        next.store(0, ordering: .relaxed)
    }

    /// Claims and runs tasks until none are left.
    @inline(never)
    func drain() {
        guard let job else { return }
        while true {
            let task = next.add(1, ordering: .relaxed).oldValue
            guard task < count else { return }
            job(task)
        }
    }

    func end() {
        job = nil
    }
}
