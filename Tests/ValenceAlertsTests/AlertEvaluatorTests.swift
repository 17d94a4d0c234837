import Foundation
import Testing
import ValenceAlerts
import ValenceStorage

private typealias Case = EvaluatorCase

@Suite("Alert evaluator: every rule, table-driven")
struct AlertEvaluatorTests {
    static let spike = NegativeSpikeRule.id
    static let breaker = BreakerOpenRule.id
    static let errors = ErrorRateRule.id
    static let latency = LatencyRule.id
    static let overflow = WriteBufferOverflowRule.id

    static let cases: [EvaluatorCase] = [
        // Negative spike.
        Case(name: "spike fires above mean + 3 sd", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((30, 100), baseline: Case.noisyBaseline)]),
             expected: ["raise negative_spike/vader"]),
        Case(name: "spike does not fire below mean + 3 sd", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((24, 100), baseline: Case.noisyBaseline)]),
             expected: []),
        Case(name: "spike does not fire below the minimum count", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((19, 19), baseline: Case.noisyBaseline)]),
             expected: []),
        Case(name: "spike on a flat baseline needs the floored deviation: 17 % fires", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((17, 100), baseline: Case.flatBaseline)]),
             expected: ["raise negative_spike/vader"]),
        Case(name: "spike on a flat baseline needs the floored deviation: 15 % does not fire", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((15, 100), baseline: Case.flatBaseline)]),
             expected: []),
        Case(name: "spike needs three non-empty baseline windows", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((90, 100), baseline: [(1, 100), (0, 0), (1, 100), (0, 0)])]),
             expected: []),
        Case(name: "spike is judged per model", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: [
                "vader": Case.series((30, 100), baseline: Case.noisyBaseline),
                "distilbert-sentiment": Case.series((10, 100), baseline: Case.noisyBaseline),
             ]),
             open: [Case.alert(spike, "distilbert-sentiment")],
             expected: ["raise negative_spike/vader", "resolve negative_spike/distilbert-sentiment"]),
        Case(name: "spike resolves when the share is back to normal", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((10, 100), baseline: Case.noisyBaseline)]),
             open: [Case.alert(spike, "vader")], expected: ["resolve negative_spike/vader"]),
        Case(name: "spike resolves when its model has no traffic any more", rules: Case.only(spike),
             open: [Case.alert(spike, "vader")], expected: ["resolve negative_spike/vader"]),
        Case(name: "spike updates an acknowledged alert while it holds, never re-raises", rules: Case.only(spike),
             signals: AlertSignals(negativeShares: ["vader": Case.series((30, 100), baseline: Case.noisyBaseline)]),
             open: [Case.alert(spike, "vader", state: .acknowledged)], expected: ["update negative_spike/vader"]),
        // Breaker open.
        Case(name: "breaker fires when it opened in the window and is open", rules: Case.only(breaker),
             signals: AlertSignals(breakers: ["overall": BreakerSignal(state: .open, openedInWindow: 1)]),
             expected: ["raise breaker_open/overall"]),
        Case(name: "breaker still fires while half open", rules: Case.only(breaker),
             signals: AlertSignals(breakers: ["http://127.0.0.1:8081": BreakerSignal(state: .halfOpen, openedInWindow: 2)]),
             expected: ["raise breaker_open/http://127.0.0.1:8081"]),
        Case(name: "breaker does not fire for an opening older than the window", rules: Case.only(breaker),
             signals: AlertSignals(breakers: ["overall": BreakerSignal(state: .open, openedInWindow: 0)]),
             expected: []),
        Case(name: "breaker resolves once closed, even after a recent opening", rules: Case.only(breaker),
             signals: AlertSignals(breakers: ["overall": BreakerSignal(state: .closed, openedInWindow: 3)]),
             open: [Case.alert(breaker, "overall")], expected: ["resolve breaker_open/overall"]),
        Case(name: "breaker updates its open alert while still open", rules: Case.only(breaker),
             signals: AlertSignals(breakers: ["overall": BreakerSignal(state: .open, openedInWindow: 2)]),
             open: [Case.alert(breaker, "overall")], expected: ["update breaker_open/overall"]),
        // Error rate.
        Case(name: "error rate fires above 20 % fallbacks", rules: Case.only(errors),
             signals: AlertSignals(fallbacks: WindowCount(total: 100, matching: 25)), expected: ["raise error_rate/overall"]),
        Case(name: "error rate does not fire at exactly 20 %", rules: Case.only(errors),
             signals: AlertSignals(fallbacks: WindowCount(total: 100, matching: 20)), expected: []),
        Case(name: "error rate does not fire below the minimum count", rules: Case.only(errors),
             signals: AlertSignals(fallbacks: WindowCount(total: 19, matching: 19)), expected: []),
        Case(name: "error rate resolves when fallbacks drop", rules: Case.only(errors),
             signals: AlertSignals(fallbacks: WindowCount(total: 100, matching: 1)),
             open: [Case.alert(errors, "overall")], expected: ["resolve error_rate/overall"]),
        // Latency.
        Case(name: "latency fires when p95 is above the objective", rules: Case.only(latency),
             signals: AlertSignals(latency: LatencySignal(count: 50, percentileMs: 650)), expected: ["raise latency_objective/overall"]),
        Case(name: "latency does not fire below the minimum count", rules: Case.only(latency),
             signals: AlertSignals(latency: LatencySignal(count: 5, percentileMs: 5_000)), expected: []),
        Case(name: "latency resolves when p95 is back under the objective", rules: Case.only(latency),
             signals: AlertSignals(latency: LatencySignal(count: 50, percentileMs: 120)),
             open: [Case.alert(latency, "overall")], expected: ["resolve latency_objective/overall"]),
        // Write-buffer overflow.
        Case(name: "overflow fires when records were dropped", rules: Case.only(overflow),
             signals: AlertSignals(droppedRecords: 5), expected: ["raise write_buffer_overflow/prediction_writer"]),
        Case(name: "overflow resolves after an interval without drops", rules: Case.only(overflow),
             open: [Case.alert(overflow, "prediction_writer")], expected: ["resolve write_buffer_overflow/prediction_writer"]),
        // Across rules.
        Case(name: "a disabled rule never fires and its open alerts resolve", rules: Case.only(spike),
             signals: AlertSignals(fallbacks: WindowCount(total: 100, matching: 90)),
             open: [Case.alert(errors, "overall")], expected: ["resolve error_rate/overall"]),
        Case(name: "duplicate open alerts of one rule and key get one action", rules: Case.only(errors),
             signals: AlertSignals(fallbacks: WindowCount(total: 100, matching: 90)),
             open: [Case.alert(errors, "overall"), Case.alert(errors, "overall", state: .acknowledged)],
             expected: ["update error_rate/overall"]),
        Case(name: "all rules at once, in rule order", rules: AlertRules(),
             signals: AlertSignals(
                negativeShares: ["vader": Case.series((30, 100), baseline: Case.noisyBaseline)],
                breakers: ["overall": BreakerSignal(state: .open, openedInWindow: 1)],
                fallbacks: WindowCount(total: 100, matching: 90),
                latency: LatencySignal(count: 100, percentileMs: 900), droppedRecords: 1),
             expected: ["raise negative_spike/vader", "raise breaker_open/overall", "raise error_rate/overall",
                        "raise latency_objective/overall", "raise write_buffer_overflow/prediction_writer"]),
        Case(name: "nothing measured, nothing open: no actions", expected: []),
    ]

    @Test("evaluator table", arguments: cases)
    func table(_ row: EvaluatorCase) {
        let actions = AlertEvaluator(rules: row.rules).evaluate(row.signals, openAlerts: row.open)
        #expect(actions.map { $0.summary(openAlerts: row.open) } == row.expected)
    }

    @Test("a spike reports its share as value and mean + K·sd as threshold")
    func spikeValues() throws {
        let signals = AlertSignals(negativeShares: ["vader": Case.series((30, 100), baseline: Case.noisyBaseline)])
        let actions = AlertEvaluator(rules: Case.only(Self.spike)).evaluate(signals, openAlerts: [])
        guard case .raise(let observation) = try #require(actions.first) else {
            Issue.record("expected a raise, got \(actions)")
            return
        }
        #expect(observation.value == 0.3)
        #expect(abs(observation.threshold - 0.25) < 1e-12)
        #expect(observation.severity == .warning)
        #expect(observation.message.contains("30.0 %"))
    }

    @Test("the floor on the deviation sets the threshold of a flat baseline")
    func flatBaselineThreshold() throws {
        let signals = AlertSignals(negativeShares: ["vader": Case.series((17, 100), baseline: Case.flatBaseline)])
        let actions = AlertEvaluator(rules: Case.only(Self.spike)).evaluate(signals, openAlerts: [])
        guard case .raise(let observation) = try #require(actions.first) else {
            Issue.record("expected a raise, got \(actions)")
            return
        }
        #expect(abs(observation.threshold - 0.16) < 1e-12)
    }

    @Test("each rule's alert carries its value, threshold and severity")
    func observationValues() {
        let signals = AlertSignals(breakers: ["overall": BreakerSignal(state: .open, openedInWindow: 2)],
                                   fallbacks: WindowCount(total: 100, matching: 25),
                                   latency: LatencySignal(count: 40, percentileMs: 650), droppedRecords: 7)
        var rules = AlertRules()
        rules.negativeSpike.isEnabled = false
        let observations = AlertEvaluator(rules: rules).evaluate(signals, openAlerts: []).compactMap { action -> AlertObservation? in
            if case .raise(let observation) = action { return observation }
            return nil
        }
        #expect(observations.map(\.value) == [2, 0.25, 650, 7])
        #expect(observations.map(\.threshold) == [1, 0.2, 500, 0])
        #expect(observations.map(\.severity) == [.critical, .warning, .warning, .critical])
    }
}
