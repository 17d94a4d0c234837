import Testing
import ValenceCore
@testable import ValenceModels

@Suite("Dynamic batcher")
struct DynamicBatcherTests {
    let metrics = ModelServiceMetrics()

    func makeBatcher(
        _ model: RecordingBatchModel = RecordingBatchModel(), _ configuration: BatchingConfiguration = BatchingConfiguration()
    ) -> DynamicBatcher<RecordingBatchModel> {
        DynamicBatcher(model: model, configuration: configuration, metrics: metrics)
    }

    var fake: ModelServiceMetricsSnapshot.Model? {
        metrics.snapshot().models.first { $0.model == "fake" }
    }

    @Test("32 concurrent callers are answered in batches, one batch in flight at a time")
    func formsBatches() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model, BatchingConfiguration(maxBatchSize: 8, maxWait: .milliseconds(20)))
        let answers = try await withLoop(batcher) {
            try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<32 {
                    group.addTask { (index, try await batcher.classify(["text \(index)"]).first?.echoedText) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
        }
        #expect(answers.count == 32 && answers.allSatisfy { $0.value == "text \($0.key)" })
        #expect(model.batches.count < 32 && model.batches.allSatisfy { $0.count <= 8 })
        #expect(model.maxConcurrentRuns == 1)
        let batchSizes = try #require(fake?.batchSize)
        #expect(batchSizes.count == model.batches.count && batchSizes.sum == 32)
        #expect(batchSizes.buckets.first { $0.le == 1 }!.count < batchSizes.count)  // some batch holds > 1 text
        #expect(fake?.requests == ["ok": 32])
    }

    @Test("a request larger than the token budget is split across batches and keeps its order")
    func splitsLargeRequest() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model, BatchingConfiguration(maxBatchTokens: 10, maxWait: .zero))
        let texts = ["aaaa", "bbbb", "cccc", "dddd", "eeee", "ffff"]
        let results = try await withLoop(batcher) { try await batcher.classify(texts) }
        #expect(results.map(\.echoedText) == texts)
        #expect(model.batches == [["aaaa", "bbbb"], ["cccc", "dddd"], ["eeee", "ffff"]])
    }

    @Test("a batch runs sorted by token count; each caller gets its results in its own order")
    func sortsByLength() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model, BatchingConfiguration(maxWait: .milliseconds(5)))
        let texts = ["a long text", "a", "medium", "xx"]
        let results = try await withLoop(batcher) { try await batcher.classify(texts) }
        #expect(results.map(\.echoedText) == texts)
        #expect(model.batches == [["a", "xx", "medium", "a long text"]])
    }

    @Test("a full queue rejects at once with overloaded; shutdown fails the waiting request")
    func overloadedAndShutdown() async throws {
        let batcher = makeBatcher(RecordingBatchModel(), BatchingConfiguration(queueCapacity: 4))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                await #expect(throws: ValenceError.notReady("model 'fake' is shutting down")) {
                    try await batcher.classify(["1", "2", "3"])
                }
            }
            #expect(await eventually { fake?.queueDepth == 3 })
            await #expect(throws: ValenceError.overloaded(retryAfterSeconds: 1)) { try await batcher.classify(["4", "5"]) }
            await #expect(throws: ValenceError.tooLarge("5 texts exceed the queue capacity of 4")) {
                try await batcher.classify(Array(repeating: "x", count: 5))
            }
            batcher.shutdown()
            try await group.waitForAll()
        }
        await #expect(throws: ValenceError.notReady("model 'fake' is shutting down")) { try await batcher.classify(["late"]) }
        #expect(fake?.requests == ["overloaded": 1, "shutdown": 2, "error": 1])  // error: the too-large request
        #expect(fake?.queueDepth == 0)
    }

    @Test("a request that waits past its timeout fails and its texts never run")
    func timesOut() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model, BatchingConfiguration(requestTimeout: .milliseconds(30)))
        await #expect(throws: ValenceError.self) { try await batcher.classify(["slow"]) }
        #expect(fake?.requests == ["timeout": 1] && fake?.queueDepth == 0)
        let answered = try await withLoop(batcher) { try await batcher.classify(["next"]) }
        #expect(answered.map(\.echoedText) == ["next"])
        #expect(model.batches == [["next"]])
    }

    @Test("the timeout error names the model and the wait")
    func timeoutMessage() async throws {
        let batcher = makeBatcher(RecordingBatchModel(), BatchingConfiguration(requestTimeout: .milliseconds(10)))
        do {
            _ = try await batcher.classify(["slow"])
            Issue.record("the request should have timed out")
        } catch let ValenceError.notReady(message) {
            #expect(message.hasPrefix("model 'fake' did not answer within"))
            #expect(message.hasSuffix("the request timed out in the batch queue"))
        }
    }

    @Test("cancelling a waiting request removes its texts")
    func cancellation() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model)
        let waiting = Task { try await batcher.classify(["one", "two"]) }
        #expect(await eventually { fake?.queueDepth == 2 })
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(fake?.queueDepth == 0 && fake?.requests == ["cancelled": 1])
        try await withLoop(batcher) { _ = try await batcher.classify(["three"]) }
        #expect(model.batches == [["three"]])
    }

    @Test("a failing batch fails only the requests in it")
    func errorFailsOnlyItsBatch() async throws {
        let batcher = makeBatcher(RecordingBatchModel(), BatchingConfiguration(maxBatchSize: 1))
        let (failing, fine) = try await withLoop(batcher) {
            async let failing = outcome(of: ["boom"], batcher)
            async let fine = outcome(of: ["fine"], batcher)
            return await (failing, fine)
        }
        #expect(failing == "forward pass failed" && fine == "fine")
        #expect(fake?.requests == ["error": 1, "ok": 1])
    }

    @Test("a text the model cannot prepare fails its request before queueing; no texts means no work")
    func prepareFailureAndEmpty() async throws {
        let model = RecordingBatchModel()
        let batcher = makeBatcher(model)
        await #expect(throws: FakeFailure.self) { try await batcher.classify(["fine", "unpreparable"]) }
        #expect(try await batcher.classify([]).isEmpty)
        #expect(fake?.requests == ["error": 1] && fake?.queueDepth == 0 && model.batches.isEmpty)
    }

    /// The echoed text of a one-text request, or its error's description.
    private func outcome(of texts: [String], _ batcher: DynamicBatcher<RecordingBatchModel>) async -> String {
        do {
            return try await batcher.classify(texts).first?.echoedText ?? ""
        } catch {
            return "\(error)"
        }
    }
}
