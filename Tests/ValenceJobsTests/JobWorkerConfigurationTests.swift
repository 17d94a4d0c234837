import Foundation
import Testing
import ValenceCore
@testable import ValenceJobs

@Suite("Job worker configuration")
struct JobWorkerConfigurationTests {
    @Test("backoff doubles per failure and stops at the cap, within ±10 %")
    func backoff() {
        let configuration = JobWorkerConfiguration(workerID: "w", initialBackoff: .milliseconds(100), maxBackoff: .seconds(1))
        for (failures, expected) in [(1, 100), (2, 200), (3, 400), (4, 800), (5, 1_000), (40, 1_000)] {
            let milliseconds = configuration.backoff(afterFailures: failures).inMilliseconds
            #expect(milliseconds >= Double(expected) * 0.9 && milliseconds <= Double(expected) * 1.1, "\(failures)")
        }
    }

    @Test("the idle pause stays within the poll interval and its jitter")
    func idlePause() {
        let configuration = JobWorkerConfiguration(workerID: "w", pollInterval: .milliseconds(200), pollJitter: 0.25)
        for _ in 0..<20 {
            let milliseconds = configuration.idlePause().inMilliseconds
            #expect(milliseconds >= 200 && milliseconds <= 250)
        }
    }

    @Test("worker ids name the host and process and differ per worker")
    func identity() {
        let first = WorkerIdentity.make(), second = WorkerIdentity.make()
        #expect(first != second)
        #expect(first.contains("-\(ProcessInfo.processInfo.processIdentifier)-"))
    }
}

@Suite("Chunk sizing")
struct ChunkSizerTests {
    @Test("starts small, at most doubles per round, and settles where a chunk takes the target time")
    func adapts() {
        var sizer = ChunkSizer(maximum: 1_000, target: .seconds(2))
        #expect(sizer.current == 32)
        sizer.record(items: 32, in: .milliseconds(1))  // very fast: doubles, no more
        #expect(sizer.current == 64)
        for _ in 0..<10 { sizer.record(items: sizer.current, in: .milliseconds(1)) }
        #expect(sizer.current == 1_000)
        sizer.record(items: 1_000, in: .seconds(100))  // 10 items/s: 20 items per 2 s
        #expect(sizer.current == 20)
        sizer.record(items: 20, in: .seconds(40))  // slower than one item per target
        #expect(sizer.current == 1)
        sizer.record(items: 0, in: .seconds(1))
        #expect(sizer.current == 1)
    }

    @Test("a maximum below the starting size wins")
    func smallMaximum() {
        #expect(ChunkSizer(maximum: 4, target: .seconds(2)).current == 4)
        #expect(ChunkSizer(maximum: 0, target: .seconds(2)).current == 1)
    }
}
