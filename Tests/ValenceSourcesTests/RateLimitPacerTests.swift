import Foundation
import Testing
@testable import ValenceSources

@Suite("Rate-limit pacing")
struct RateLimitPacerTests {
    @Test("Retry-After as seconds or an HTTP date, capped")
    func retryAfter() {
        let now = Date(timeIntervalSince1970: 1_055_217_600)
        #expect(RateLimitPacer.retryAfter("2", now: now, maximum: .seconds(60)) == .seconds(2))
        #expect(RateLimitPacer.retryAfter("Tue, 10 Jun 2003 04:00:30 GMT", now: now, maximum: .seconds(60)) == .seconds(30))
        #expect(RateLimitPacer.retryAfter("86400", now: now, maximum: .seconds(60)) == .seconds(60))
        #expect(RateLimitPacer.retryAfter("soon", now: now, maximum: .seconds(60)) == nil)
        #expect(RateLimitPacer.retryAfter(nil, now: now, maximum: .seconds(60)) == nil)
    }

    @Test("X-Ratelimit headers pause only when less than one request remains")
    func headerPause() {
        #expect(RateLimitPacer.headerPause(remaining: "0.0", reset: "42", maximum: .seconds(60)) == .seconds(42))
        #expect(RateLimitPacer.headerPause(remaining: "0", reset: "600", maximum: .seconds(60)) == .seconds(60))
        #expect(RateLimitPacer.headerPause(remaining: "12.0", reset: "42", maximum: .seconds(60)) == nil)
        #expect(RateLimitPacer.headerPause(remaining: nil, reset: "42", maximum: .seconds(60)) == nil)
    }
}
