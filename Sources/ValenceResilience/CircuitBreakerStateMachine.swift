/// The circuit breaker's decisions as a pure state machine: no clock, no locks, no I/O. Every event takes the
/// current instant and returns what to do; the caller performs it (and logs, counts and stores transitions).
///
/// CLOSED --(maxFailures within failureWindow)--> OPEN --(openTimeout elapsed, next call)--> HALF_OPEN
/// HALF_OPEN --(successesToClose probes succeed)--> CLOSED;  HALF_OPEN --(a probe fails)--> OPEN.
/// Optionally also CLOSED --(failure rate over minimumCalls)--> OPEN, slow successes count as failures, and
/// OPEN --(the service was seen recovering by a health check)--> HALF_OPEN before the timeout.
public struct CircuitBreakerStateMachine<Instant: InstantProtocol & Sendable>: Sendable where Instant.Duration == Duration {
    /// The answer to "may this call go to the model?".
    public enum Permission: Equatable, Sendable {
        /// Go ahead (closed).
        case allowed
        /// Go ahead as a probe (half-open); report its outcome.
        case probe
        /// Don't call the model; answer with the fallback.
        case rejected
    }

    public typealias Transition = CircuitTransition<Instant>

    public let configuration: CircuitBreakerConfiguration
    public private(set) var state: CircuitState = .closed
    /// Failure instants inside the window (closed state only).
    public private(set) var recentFailures: [Instant] = []
    /// Successful call instants inside the window (closed state, kept only when a failure rate is configured).
    private var recentSuccesses: [Instant] = []
    /// Times the breaker opened.
    public private(set) var activations = 0
    private var openedAt: Instant?
    private var probesInFlight = 0
    private var probeSuccesses = 0

    public init(configuration: CircuitBreakerConfiguration = CircuitBreakerConfiguration()) {
        self.configuration = configuration
    }

    /// Asks before a model call. An open breaker whose timeout has elapsed turns half-open here.
    public mutating func permission(at now: Instant) -> (Permission, Transition?) {
        switch state {
        case .closed:
            return (.allowed, nil)
        case .open:
            guard let openedAt, openedAt.duration(to: now) >= configuration.openTimeout else { return (.rejected, nil) }
            let transition = move(to: .halfOpen, at: now, reason: "timeout")
            probesInFlight = 1
            return (.probe, transition)
        case .halfOpen:
            guard probesInFlight < configuration.maxProbes else { return (.rejected, nil) }
            probesInFlight += 1
            return (.probe, nil)
        }
    }

    /// Reports a successful model call that took `duration` (a call slower than the slow-call threshold
    /// counts as a failure).
    public mutating func succeeded(at now: Instant, wasProbe: Bool, duration: Duration? = nil) -> Transition? {
        if let threshold = configuration.slowCallThreshold, let duration, duration > threshold {
            return failed(at: now, wasProbe: wasProbe, reason: "slow call (\(duration))")
        }
        if state == .closed, configuration.failureRateThreshold != nil {
            let window = configuration.failureWindow
            recentSuccesses.removeAll { $0.duration(to: now) > window }
            recentSuccesses.append(now)
        }
        guard wasProbe, state == .halfOpen else { return nil }
        probesInFlight = max(0, probesInFlight - 1)
        probeSuccesses += 1
        guard probeSuccesses >= configuration.successesToClose else { return nil }
        return move(to: .closed, at: now, reason: "probe succeeded")
    }

    /// Reports a failed model call (connection error, timeout, 5xx).
    public mutating func failed(at now: Instant, wasProbe: Bool) -> Transition? {
        failed(at: now, wasProbe: wasProbe, reason: nil)
    }

    private mutating func failed(at now: Instant, wasProbe: Bool, reason: String?) -> Transition? {
        switch state {
        case .closed:
            let window = configuration.failureWindow
            recentFailures.removeAll { $0.duration(to: now) > window }
            recentSuccesses.removeAll { $0.duration(to: now) > window }
            recentFailures.append(now)
            if recentFailures.count >= configuration.maxFailures {
                let cause = reason.map { "; last: \($0)" } ?? ""
                return move(to: .open, at: now, reason: "\(recentFailures.count) failures within \(window)\(cause)")
            }
            let calls = recentFailures.count + recentSuccesses.count
            if let threshold = configuration.failureRateThreshold, calls >= configuration.minimumCalls,
               Double(recentFailures.count) >= threshold * Double(calls) {
                return move(to: .open, at: now, reason: "\(recentFailures.count) of \(calls) calls failed within \(window)")
            }
            return nil
        case .halfOpen where wasProbe:
            return move(to: .open, at: now, reason: reason.map { "probe failed: \($0)" } ?? "probe failed")
        case .open, .halfOpen:
            return nil  // a late answer of a call made before the breaker opened
        }
    }

    /// A health check saw the service come back: an open breaker turns half-open at once (the next calls
    /// are probes) instead of waiting for the rest of its timeout.
    public mutating func recovered(at now: Instant) -> Transition? {
        guard state == .open else { return nil }
        return move(to: .halfOpen, at: now, reason: "health check passed")
    }

    /// Failures counted in the window at `now` (for status reports).
    public func failureCount(at now: Instant) -> Int {
        recentFailures.filter { $0.duration(to: now) <= configuration.failureWindow }.count
    }

    /// Closes the breaker by hand (admin reset).
    public mutating func reset(at now: Instant) -> Transition? {
        guard state != .closed || !recentFailures.isEmpty else { return nil }
        if state == .closed {
            recentFailures.removeAll()
            recentSuccesses.removeAll()
            return nil
        }
        return move(to: .closed, at: now, reason: "reset")
    }

    private mutating func move(to next: CircuitState, at now: Instant, reason: String) -> Transition {
        let transition = Transition(from: state, to: next, at: now, reason: reason)
        state = next
        probesInFlight = 0
        probeSuccesses = 0
        switch next {
        case .open:
            openedAt = now
            activations += 1
        case .closed:
            openedAt = nil
            recentFailures.removeAll()
            recentSuccesses.removeAll()
        case .halfOpen:
            break
        }
        return transition
    }
}
