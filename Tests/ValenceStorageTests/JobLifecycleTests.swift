import Foundation
import Testing
import ValenceStorage

@Suite("Job lifecycle")
struct JobLifecycleTests {
    enum Event: CustomTestStringConvertible, Sendable {
        case claim, settle(failedItems: Int), cancel

        var testDescription: String {
            switch self {
            case .claim: "claim"
            case .settle(let failed): "settle(\(failed) failed)"
            case .cancel: "cancel"
            }
        }
    }

    static let table: [(JobState, Event, JobState?)] = [
        (.queued, .claim, .running),
        (.running, .claim, .running),
        (.succeeded, .claim, nil),
        (.failed, .claim, nil),
        (.cancelled, .claim, nil),
        (.queued, .settle(failedItems: 0), .succeeded),
        (.running, .settle(failedItems: 0), .succeeded),
        (.running, .settle(failedItems: 3), .failed),
        (.succeeded, .settle(failedItems: 0), nil),
        (.cancelled, .settle(failedItems: 0), nil),
        (.queued, .cancel, .cancelled),
        (.running, .cancel, .cancelled),
        (.cancelled, .cancel, .cancelled),
        (.succeeded, .cancel, nil),
        (.failed, .cancel, nil),
    ]

    @Test("each event moves a state to the next one or is refused", arguments: table)
    func transition(_ from: JobState, _ event: Event, _ expected: JobState?) {
        var machine = JobLifecycle(state: from)
        let outcome: Result<JobState, JobTransitionError> = Result { () throws(JobTransitionError) in
            switch event {
            case .claim: try machine.claim()
            case .settle(let failed): try machine.settle(failedItems: failed)
            case .cancel: try machine.cancel()
            }
        }
        switch (outcome, expected) {
        case (.success(let state), let expected?):
            #expect(state == expected)
            #expect(machine.state == expected)
        case (.failure(let error), nil):
            #expect(error.state == from)
            #expect(machine.state == from)
        default:
            Issue.record("\(from) + \(event.testDescription): got \(outcome), expected \(String(describing: expected))")
        }
    }

    @Test("only a queued job accepts more items")
    func acceptItems() {
        for state in JobState.allCases {
            let accepted = (try? JobLifecycle(state: state).acceptItems()) != nil
            #expect(accepted == (state == .queued), "\(state)")
        }
    }

    @Test("the refusal names the event and the state")
    func refusalText() {
        var machine = JobLifecycle(state: .succeeded)
        #expect(throws: JobTransitionError(event: "be cancelled", state: .succeeded)) { try machine.cancel() }
        #expect(JobTransitionError(event: "be cancelled", state: .succeeded).description == "a succeeded job cannot be cancelled")
    }
}

@Suite("Job item prediction ids")
struct JobItemPredictionIDTests {
    @Test("each item has its own stable, version-8-shaped prediction id; one job's ids ascend with seq")
    func stable() {
        let job = UUID()
        let first = JobItemKey(jobID: job, seq: 0).predictionID
        #expect(first == JobItemKey(jobID: job, seq: 0).predictionID)
        #expect(first != JobItemKey(jobID: job, seq: 1).predictionID)
        #expect(first != JobItemKey(jobID: UUID(), seq: 0).predictionID)
        let text = first.uuidString.lowercased()
        #expect(text.dropFirst(14).first == "8" && "89ab".contains(text.dropFirst(19).first!))
        let ids = [0, 1, 2, 255, 256, 65_536, 20_000_000].map { JobItemKey(jobID: job, seq: $0).predictionID.uuidString.lowercased() }
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
    }
}
