import Foundation
import Synchronization
import ValenceSources
import ValenceStorage

/// A scorer for poller tests: remembers every batch it was handed and answers fresh prediction ids, or fails
/// while `failing` is set.
final class ScoringRecorder: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "the model is away" }
    }

    private let state = Mutex<(batches: [[SourceItem]], failing: Bool)>(([], false))

    var batches: [[SourceItem]] { state.withLock { $0.batches } }
    var scoredIDs: [String] { batches.flatMap { $0.map(\.externalID) } }

    func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    var scorer: SourcePoller.Scorer {
        { items, _ in
            try self.state.withLock { state in
                if state.failing { throw Failure() }
                state.batches.append(items)
                return items.map { _ in UUID() }
            }
        }
    }
}
