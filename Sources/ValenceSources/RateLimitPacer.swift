import Foundation
import Synchronization

/// Remembers, per server (`host:port`), until when no request may be sent: set by a 429's `Retry-After` or by
/// `X-Ratelimit-Remaining` below one with `X-Ratelimit-Reset`, so every poller sharing the client waits.
final class RateLimitPacer: Sendable {
    private let clock = ContinuousClock()
    private let resumeAt = Mutex<[String: ContinuousClock.Instant]>([:])

    /// Waits until requests to `server` may go out again (at once when nothing asked for a pause).
    func waitForTurn(_ server: String) async throws {
        guard let instant = resumeAt.withLock({ $0[server] }), instant > clock.now else { return }
        try await Task.sleep(until: instant, clock: clock)
    }

    /// Holds requests to `server` back for `delay` from now (a later pause already set is kept).
    func pause(_ server: String, for delay: Duration) {
        let until = clock.now.advanced(by: delay)
        resumeAt.withLock { pauses in
            if let current = pauses[server], current >= until { return }
            pauses[server] = until
        }
    }

    /// The pause the rate-limit headers ask for, capped at `maximum`: when fewer than one request remains in the
    /// window, until `X-Ratelimit-Reset` seconds from now (Reddit sends both as decimals, e.g. `0.0` and `42`).
    static func headerPause(remaining: String?, reset: String?, maximum: Duration) -> Duration? {
        guard let remaining = remaining.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), remaining < 1 else {
            return nil
        }
        let seconds = reset.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? 1
        return min(.seconds(max(0, seconds)), maximum)
    }

    /// The wait a 429's `Retry-After` asks for (delay seconds or an HTTP date), capped at `maximum`;
    /// nil when the header is absent or unreadable.
    static func retryAfter(_ value: String?, now: Date = Date(), maximum: Duration) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return min(.seconds(max(0, seconds)), maximum) }
        guard let date = InternetDate.rfc822(value) else { return nil }
        return min(.seconds(max(0, date.timeIntervalSince(now))), maximum)
    }
}
