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
