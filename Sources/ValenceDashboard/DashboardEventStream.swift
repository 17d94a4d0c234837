import Foundation
import Hummingbird

/// The live stream's events: one at once, then one every `updateInterval`, ending after `maximumDuration`
/// (the browser's `EventSource` reconnects) or when the consuming task is cancelled.
///
/// Each event is `event: snapshot` with a JSON object of element id → HTML fragment (see
/// ``DashboardFragments/update(for:)``); a failing source sends the "data unavailable" banner instead.
struct DashboardEventStream: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    let source: any DashboardSource
    let updateInterval: Duration
    let maximumDuration: Duration
    let reconnectDelay: Duration

    func makeAsyncIterator() -> Iterator {
        Iterator(stream: self, deadline: .now + maximumDuration)
    }

    struct Iterator: AsyncIteratorProtocol {
        let stream: DashboardEventStream
        let deadline: ContinuousClock.Instant
        var hasSentFirst = false

        mutating func next() async -> ByteBuffer? {
            if hasSentFirst {
                guard ContinuousClock.now < deadline else { return nil }
                do {
                    try await Task.sleep(until: Swift.min(.now + stream.updateInterval, deadline), clock: .continuous)
                } catch {
                    return nil
                }
                guard ContinuousClock.now < deadline else { return nil }
            }
            let state = await DashboardState.load(from: stream.source)
            let event = ServerSentEvent(
                name: "snapshot",
                data: Self.json(DashboardFragments.update(for: state)),
                retry: hasSentFirst ? nil : stream.reconnectDelay
            )
            hasSentFirst = true
            return ByteBuffer(string: event.encoded)
        }

        /// One line of JSON (encoding a string dictionary cannot fail; `{}` keeps the stream well-formed anyway).
        private static func json(_ fragments: [String: String]) -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            guard let data = try? encoder.encode(fragments) else { return "{}" }
            return String(decoding: data, as: UTF8.self)
        }
    }
}
