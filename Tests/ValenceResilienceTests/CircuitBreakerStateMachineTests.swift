import Testing
import ValenceResilience

/// A hand-driven instant: tests say exactly when each event happens.
struct TestInstant: InstantProtocol, Sendable {
    var offset: Duration
    static func seconds(_ value: Double) -> TestInstant { TestInstant(offset: .milliseconds(Int64(value * 1000))) }
    func advanced(by duration: Duration) -> TestInstant { TestInstant(offset: offset + duration) }
    func duration(to other: TestInstant) -> Duration { other.offset - offset }
    static func < (lhs: TestInstant, rhs: TestInstant) -> Bool { lhs.offset < rhs.offset }
}

typealias Machine = CircuitBreakerStateMachine<TestInstant>

@Suite("Circuit breaker state machine")
struct CircuitBreakerStateMachineTests {
    let configuration = CircuitBreakerConfiguration(maxFailures: 3, failureWindow: .seconds(300), openTimeout: .seconds(60))

    /// Opens a fresh machine with three failures at t = 0, 1, 2.
    func opened() -> Machine {
        var machine = Machine(configuration: configuration)
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        _ = machine.failed(at: .seconds(1), wasProbe: false)
        _ = machine.failed(at: .seconds(2), wasProbe: false)
        return machine
    }

    @Test("closed: calls pass; the third failure within the window opens it")
    func opensOnThirdFailure() {
        var machine = Machine(configuration: configuration)
        #expect(machine.permission(at: .seconds(0)).0 == .allowed)
        #expect(machine.failed(at: .seconds(0), wasProbe: false) == nil)
        #expect(machine.failed(at: .seconds(10), wasProbe: false) == nil)
        #expect(machine.failureCount(at: .seconds(10)) == 2)
        let transition = machine.failed(at: .seconds(20), wasProbe: false)
        #expect(transition?.from == .closed)
        #expect(transition?.to == .open)
        #expect(transition?.at == .seconds(20))
        #expect(machine.state == .open)
        #expect(machine.activations == 1)
    }

    @Test("failures older than the window do not count")
    func windowExpiry() {
        var machine = Machine(configuration: configuration)
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        _ = machine.failed(at: .seconds(100), wasProbe: false)
        #expect(machine.failed(at: .seconds(301), wasProbe: false) == nil)  // t=0 fell out of the window
        #expect(machine.state == .closed)
        #expect(machine.failureCount(at: .seconds(301)) == 2)
        #expect(machine.failed(at: .seconds(302), wasProbe: false)?.to == .open)
    }

    @Test("successes while closed do not hide failures inside the window")
    func successesDoNotReset() {
        var machine = Machine(configuration: configuration)
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        #expect(machine.succeeded(at: .seconds(1), wasProbe: false) == nil)
        _ = machine.failed(at: .seconds(2), wasProbe: false)
        #expect(machine.failed(at: .seconds(3), wasProbe: false)?.to == .open)
    }

    @Test("open: every call is rejected until the timeout, then one probe goes through (half-open)")
    func openThenHalfOpen() {
        var machine = opened()
        #expect(machine.permission(at: .seconds(3)).0 == .rejected)
        #expect(machine.permission(at: .seconds(61.9)).0 == .rejected)
        let (permission, transition) = machine.permission(at: .seconds(62))
        #expect(permission == .probe)
        #expect(transition?.from == .open)
        #expect(transition?.to == .halfOpen)
        #expect(machine.permission(at: .seconds(62.1)).0 == .rejected)  // one probe at a time
    }

    @Test("a successful probe closes it; a failed probe reopens it and restarts the timeout")
    func probeOutcomes() {
        var closing = opened()
        _ = closing.permission(at: .seconds(70))
        #expect(closing.succeeded(at: .seconds(71), wasProbe: true)?.to == .closed)
        #expect(closing.permission(at: .seconds(72)).0 == .allowed)
        #expect(closing.failureCount(at: .seconds(72)) == 0)

        var reopening = opened()
        _ = reopening.permission(at: .seconds(70))
        let transition = reopening.failed(at: .seconds(71), wasProbe: true)
        #expect(transition?.from == .halfOpen)
        #expect(transition?.to == .open)
        #expect(reopening.activations == 2)
        #expect(reopening.permission(at: .seconds(130)).0 == .rejected)
        #expect(reopening.permission(at: .seconds(131)).0 == .probe)
    }

    @Test("a larger success count needs that many probes in a row")
    func successesToClose() {
        var machine = Machine(configuration: CircuitBreakerConfiguration(maxFailures: 1, openTimeout: .seconds(5), successesToClose: 2, maxProbes: 2))
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        #expect(machine.permission(at: .seconds(5)).0 == .probe)
        #expect(machine.permission(at: .seconds(5)).0 == .probe)
        #expect(machine.permission(at: .seconds(5)).0 == .rejected)
        #expect(machine.succeeded(at: .seconds(6), wasProbe: true) == nil)
        #expect(machine.state == .halfOpen)
        #expect(machine.succeeded(at: .seconds(6), wasProbe: true)?.to == .closed)
    }

    @Test("late answers of calls made before the breaker opened change nothing")
    func lateAnswers() {
        var machine = opened()
        #expect(machine.failed(at: .seconds(4), wasProbe: false) == nil)
        #expect(machine.succeeded(at: .seconds(4), wasProbe: false) == nil)
        #expect(machine.state == .open)
        #expect(machine.activations == 1)
    }

    @Test("reset closes an open breaker and clears failures of a closed one")
    func reset() {
        var open = opened()
        let transition = open.reset(at: .seconds(5))
        #expect(transition?.to == .closed)
        #expect(transition?.reason == "reset")
        #expect(open.permission(at: .seconds(5)).0 == .allowed)

        var closed = Machine(configuration: configuration)
        _ = closed.failed(at: .seconds(0), wasProbe: false)
        #expect(closed.reset(at: .seconds(1)) == nil)
        #expect(closed.failureCount(at: .seconds(1)) == 0)
        #expect(closed.reset(at: .seconds(1)) == nil)
    }
}

@Suite("Circuit breaker wrapper")
struct CircuitBreakerTests {
    @Test("transitions are reported, counted and kept")
    func reportsTransitions() {
        let seen = TransitionLog()
        let breaker = CircuitBreaker(configuration: CircuitBreakerConfiguration(maxFailures: 2, openTimeout: .seconds(3600)),
                                     onTransition: seen.append)
        for _ in 0..<2 {
            let permission = breaker.permission()
            breaker.record(success: false, permission: permission)
        }
        #expect(breaker.permission() == .rejected)
        #expect(breaker.status.state == .open)
        #expect(breaker.status.activations == 1)
        breaker.reset()
        #expect(breaker.status.state == .closed)
        #expect(breaker.status.lastTransitions.map(\.to) == [.open, .closed])
        #expect(seen.events.map(\.to) == [.open, .closed])
    }
}

import Synchronization

final class TransitionLog: Sendable {
    private let storage = Mutex<[CircuitBreaker.Event]>([])
    var events: [CircuitBreaker.Event] { storage.withLock { $0 } }
    func append(_ event: CircuitBreaker.Event) { storage.withLock { $0.append(event) } }
}
