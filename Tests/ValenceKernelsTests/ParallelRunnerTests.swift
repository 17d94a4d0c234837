#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Testing
@testable import ValenceKernels

@Suite("ParallelRunner")
struct ParallelRunnerTests {
    @Test("every task runs exactly once per run, many runs in a row")
    func tasksRunOnce() {
        let runner = ParallelRunner(threadCount: 2)
        let counts = Mutex([Int](repeating: 0, count: 7))
        for _ in 0..<2000 {
            runner.run(tasks: 7) { task in counts.withLock { $0[task] += 1 } }
        }
        #expect(counts.withLock { $0 } == [Int](repeating: 2000, count: 7))
    }

    @Test("a parked worker wakes for the next run")
    func wakesAfterParking() {
        let runner = ParallelRunner(threadCount: 2, spinMicroseconds: 0)
        let total = Atomic<Int>(0)
        for _ in 0..<20 {
            usleep(2000)
            runner.run(tasks: 2) { task in total.add(task + 1, ordering: .relaxed) }
        }
        #expect(total.load(ordering: .relaxed) == 20 * 3)
    }

    @Test("one thread, or one task, runs on the caller alone, in order")
    func singleThread() {
        let runner = ParallelRunner(threadCount: 1)
        #expect(runner.threadCount == 1)
        var tasks: [Int] = []
        runner.run(tasks: 4) { tasks.append($0) }
        #expect(tasks == [0, 1, 2, 3])
        let pair = ParallelRunner(threadCount: 2)
        var alone: [Int] = []
        pair.run(tasks: 1) { alone.append($0) }
        #expect(alone == [0])
    }

    final class Counter: Sendable {
        let value = Atomic<Int>(0)
    }

    @Test("runs from several threads at once are serialised")
    func concurrentCallers() async {
        let runner = ParallelRunner(threadCount: 2)
        let total = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    for _ in 0..<200 {
                        runner.run(tasks: 2) { _ in total.value.add(1, ordering: .relaxed) }
                    }
                }
            }
        }
        #expect(total.value.load(ordering: .relaxed) == 4 * 200 * 2)
    }
}
