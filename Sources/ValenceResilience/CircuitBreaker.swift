import Foundation
import Synchronization

/// The circuit breaker in use: the pure state machine behind a lock, driven by a monotonic clock, with a
/// bounded history of transitions (wall-clock times) for status reports.
public final class CircuitBreaker: Sendable {
    /// One transition as reported to people: wall-clock time.
    public struct Event: Sendable, Equatable {
        public var from: CircuitState
        public var to: CircuitState
        public var at: Date
        public var reason: String
    }

    /// A snapshot for /failsafe/status.
    public struct Status: Sendable, Equatable {
        public var state: CircuitState
        public var failuresInWindow: Int
        public var activations: Int
        /// Newest last, at most `historyLimit`.
        public var lastTransitions: [Event]
        public var configuration: CircuitBreakerConfiguration
    }

    public typealias Permission = CircuitBreakerStateMachine<ContinuousClock.Instant>.Permission

    private struct State {
        var machine: CircuitBreakerStateMachine<ContinuousClock.Instant>
        var history: [Event] = []
    }

    private let state: Mutex<State>
    private let clock = ContinuousClock()
    private let historyLimit = 20
    private let onTransition: @Sendable (Event) -> Void

    /// `onTransition` is called (outside the lock) for every change of state: log, count, store, alert.
    public init(configuration: CircuitBreakerConfiguration = CircuitBreakerConfiguration(),
                onTransition: @escaping @Sendable (Event) -> Void = { _ in }) {
        state = Mutex(State(machine: CircuitBreakerStateMachine(configuration: configuration)))
        self.onTransition = onTransition
    }

    /// Asks before a model call.
    public func permission() -> Permission {
        let now = clock.now
        let (permission, event) = state.withLock { state -> (Permission, Event?) in
            let (permission, transition) = state.machine.permission(at: now)
            return (permission, transition.map { record($0, in: &state) })
        }
        event.map(onTransition)
        return permission
    }

    /// Reports the outcome of a permitted call and, for a success, how long it took (slow calls may count as failures).
    public func record(success: Bool, permission: Permission, duration: Duration? = nil) {
        let now = clock.now
        let event = state.withLock { state -> Event? in
            let probe = permission == .probe
            let transition = success ? state.machine.succeeded(at: now, wasProbe: probe, duration: duration)
                                     : state.machine.failed(at: now, wasProbe: probe)
            return transition.map { record($0, in: &state) }
        }
        event.map(onTransition)
    }

    /// A health check saw the service come back: an open breaker lets probes through now.
    public func recovered() {
        let now = clock.now
        let event = state.withLock { state in state.machine.recovered(at: now).map { record($0, in: &state) } }
        event.map(onTransition)
    }

    /// Closes the breaker by hand.
    public func reset() {
        let now = clock.now
        let event = state.withLock { state in state.machine.reset(at: now).map { record($0, in: &state) } }
        event.map(onTransition)
    }

    public var status: Status {
        let now = clock.now
        return state.withLock {
            Status(state: $0.machine.state, failuresInWindow: $0.machine.failureCount(at: now),
                   activations: $0.machine.activations, lastTransitions: $0.history,
                   configuration: $0.machine.configuration)
        }
    }

    private func record(_ transition: CircuitTransition<ContinuousClock.Instant>, in state: inout State) -> Event {
        let event = Event(from: transition.from, to: transition.to, at: Date(), reason: transition.reason)
        state.history.append(event)
        if state.history.count > historyLimit { state.history.removeFirst(state.history.count - historyLimit) }
        return event
    }
}
