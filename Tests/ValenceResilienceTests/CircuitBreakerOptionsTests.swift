import Testing
import ValenceResilience

@Suite("Circuit breaker options: failure rate, slow calls, health recovery")
struct CircuitBreakerOptionsTests {
    @Test("the failure rate opens it once the minimum number of calls is reached")
    func failureRate() {
        let configuration = CircuitBreakerConfiguration(maxFailures: 100, failureRateThreshold: 0.5, minimumCalls: 4)
        var machine = Machine(configuration: configuration)
        #expect(machine.failed(at: .seconds(0), wasProbe: false) == nil)    // 1 of 1, below the minimum
        #expect(machine.succeeded(at: .seconds(1), wasProbe: false) == nil)
        #expect(machine.succeeded(at: .seconds(2), wasProbe: false) == nil)  // 1 of 3
        let transition = machine.failed(at: .seconds(3), wasProbe: false)    // 2 of 4 = 50 %
        #expect(transition?.to == .open)
        #expect(transition?.reason.contains("2 of 4 calls failed") == true)
    }

    @Test("successes older than the window leave the rate")
    func failureRateWindow() {
        let configuration = CircuitBreakerConfiguration(maxFailures: 100, failureWindow: .seconds(10),
                                                        failureRateThreshold: 0.5, minimumCalls: 2)
        var machine = Machine(configuration: configuration)
        _ = machine.succeeded(at: .seconds(0), wasProbe: false)
        _ = machine.succeeded(at: .seconds(1), wasProbe: false)
        #expect(machine.failed(at: .seconds(2), wasProbe: false) == nil)     // 1 of 3
        #expect(machine.failed(at: .seconds(20), wasProbe: false) == nil)    // 1 of 1 (the rest expired): below minimum
        #expect(machine.failed(at: .seconds(21), wasProbe: false)?.to == .open)  // 2 of 2
    }

    @Test("without a rate threshold only the failure count matters")
    func noRateByDefault() {
        var machine = Machine(configuration: CircuitBreakerConfiguration(maxFailures: 3, minimumCalls: 1))
        #expect(machine.failed(at: .seconds(0), wasProbe: false) == nil)
        #expect(machine.failed(at: .seconds(1), wasProbe: false) == nil)
        #expect(machine.state == .closed)
    }

    @Test("a slow success counts as a failure; a fast one does not")
    func slowCalls() {
        let configuration = CircuitBreakerConfiguration(maxFailures: 2, slowCallThreshold: .seconds(1))
        var machine = Machine(configuration: configuration)
        #expect(machine.succeeded(at: .seconds(0), wasProbe: false, duration: .milliseconds(900)) == nil)
        #expect(machine.failureCount(at: .seconds(0)) == 0)
        #expect(machine.succeeded(at: .seconds(1), wasProbe: false, duration: .seconds(2)) == nil)
        #expect(machine.failureCount(at: .seconds(1)) == 1)
        let transition = machine.succeeded(at: .seconds(2), wasProbe: false, duration: .seconds(3))
        #expect(transition?.to == .open)
        #expect(transition?.reason.contains("slow call") == true)
    }

    @Test("a slow probe reopens a half-open breaker")
    func slowProbe() {
        var machine = Machine(configuration: CircuitBreakerConfiguration(maxFailures: 1, openTimeout: .seconds(5),
                                                                         slowCallThreshold: .seconds(1)))
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        #expect(machine.permission(at: .seconds(6)).0 == .probe)
        #expect(machine.succeeded(at: .seconds(9), wasProbe: true, duration: .seconds(3))?.to == .open)
    }

    @Test("a health check seeing the service back turns an open breaker half-open before the timeout")
    func recovery() {
        var machine = Machine(configuration: CircuitBreakerConfiguration(maxFailures: 1, openTimeout: .seconds(60)))
        #expect(machine.recovered(at: .seconds(0)) == nil)                    // closed: nothing to do
        _ = machine.failed(at: .seconds(0), wasProbe: false)
        #expect(machine.permission(at: .seconds(1)).0 == .rejected)
        let transition = machine.recovered(at: .seconds(2))
        #expect(transition?.from == .open)
        #expect(transition?.to == .halfOpen)
        #expect(transition?.reason == "health check passed")
        #expect(machine.permission(at: .seconds(2)).0 == .probe)
        #expect(machine.permission(at: .seconds(2)).0 == .rejected)           // one probe at a time
        #expect(machine.succeeded(at: .seconds(3), wasProbe: true)?.to == .closed)
        #expect(machine.recovered(at: .seconds(4)) == nil)
    }
}
