import Foundation
import Testing
import ValenceCore
@testable import ValenceModels

@Suite("Model registry")
struct ModelRegistryTests {
    static let distilRepository = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"
    static let cached = URL(fileURLWithPath: "/tmp/fake-cache/distilbert")

    func makeRegistry(
        store: FakeModelStore = FakeModelStore(complete: [distilRepository: cached]),
        loader: CountingLoader = CountingLoader(),
        defaultModel: String = "distilbert-sentiment"
    ) throws -> ModelRegistry {
        try ModelRegistry(defaultModelKey: defaultModel, store: store, loader: loader.loader, logger: testLogger)
    }

    @Test("catalog entries start available, not downloaded or (VADER) ready")
    func initialStates() throws {
        let registry = try makeRegistry()
        let states = Dictionary(uniqueKeysWithValues: registry.models().map { ($0.key, $0.state) })
        #expect(states == [
            "distilbert-sentiment": "available", "twitter-roberta": "not_downloaded",
            "bert-multilingual": "not_downloaded", "vader": "ready",
        ])
        let vader = try registry.info("vader")
        #expect(vader.source == .builtin && vader.serving && vader.repository == nil)
        let distil = try registry.info("distilbert")
        #expect(distil.key == "distilbert-sentiment" && distil.isDefault && distil.aliases == ["distilbert"])
        #expect(distil.repository == Self.distilRepository && distil.revision == "main" && distil.source == .hub)
    }

    @Test("download shows progress, then the model is available")
    func downloadSucceeds() async throws {
        let store = FakeModelStore()
        let registry = try makeRegistry(store: store)
        try await withRunning(registry) {
            let started = try registry.download("twitter-roberta")
            #expect(started.state == "downloading")
            #expect(await eventually { (try? registry.info("twitter-roberta"))?.progress != nil })
            let progress = try registry.info("twitter-roberta").progress
            #expect(progress == DownloadProgress(completedBytes: 50, totalBytes: 200, file: "model.safetensors"))
            guard case .unavailable(_, let reason) = try await registry.resolve("twitter-roberta") else {
                Issue.record("a downloading model must not resolve as ready")
                return
            }
            #expect(reason == "model 'twitter-roberta' is downloading (25%)")
            #expect(try registry.download("twitter-roberta").state == "downloading")  // joins, no second download
            store.gate.open()
            #expect(await eventually { (try? registry.info("twitter-roberta"))?.state == "available" })
            #expect(try registry.info("twitter-roberta").progress == nil)
        }
    }

    @Test("a failed download reports the reason")
    func downloadFails() async throws {
        let store = FakeModelStore(failure: "checksum mismatch for model.safetensors")
        store.gate.open()
        let registry = try makeRegistry(store: store)
        try await withRunning(registry) {
            try registry.download("bert-multilingual")
            #expect(await eventually { (try? registry.info("bert-multilingual"))?.state == "failed" })
            let info = try registry.info("bert-multilingual")
            #expect(info.reason == "download failed: checksum mismatch for model.safetensors")
            guard case .unavailable(let key, let reason) = try await registry.resolve("bert-multilingual") else {
                Issue.record("a failed model must resolve as unavailable")
                return
            }
            #expect(key == "bert-multilingual" && reason.contains("checksum mismatch"))
        }
    }

    @Test("load warms the model up and makes it ready and the registry ready")
    func loadMakesReady() async throws {
        let loader = CountingLoader()
        let registry = try makeRegistry(loader: loader)
        #expect(!registry.readiness.ready)
        guard case .unavailable(_, let reason) = try await registry.resolve(nil) else {
            Issue.record("an unloaded default must resolve as unavailable")
            return
        }
        #expect(reason == "model 'distilbert-sentiment' is downloaded but not loaded")
        try await withRunning(registry) {
            let info = try await registry.load("distilbert")
            #expect(info.state == "ready" && info.serving && info.loadedAt != nil)
            let model = try #require(try await registry.resolve(nil).model as? CountingModel)
            #expect(model.version == 1 && model.key == "distilbert-sentiment")
            let readiness = registry.readiness
            #expect(readiness.ready && readiness.defaultModel == "distilbert-sentiment")
            #expect(readiness.models.first { $0.key == "distilbert-sentiment" }?.state == "ready")
        }
    }

    @Test("a hot swap under concurrent load fails no request and frees the old instance")
    func hotSwapUnderLoad() async throws {
        let loader = CountingLoader(delay: .milliseconds(1))
        let registry = try makeRegistry(loader: loader)
        try await withRunning(registry) {
            try await registry.load("distilbert-sentiment")
            let versions = try await withThrowingTaskGroup(of: [Double].self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        var seen: [Double] = []
                        for _ in 0..<30 {
                            let model = try #require(try await registry.resolve(nil).model)
                            seen += try await model.classify(["text"]).map(\.confidence)
                        }
                        return seen
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(5))
                    let info = try await registry.load("distilbert-sentiment")
                    #expect(info.state == "ready")
                    return []
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(versions.count == 16 * 30)
            #expect(Set(versions) == [1, 2])
            #expect(await eventually { loader.counter.live == 1 })
            let serving = try #require(try await registry.resolve(nil).model as? CountingModel)
            #expect(serving.version == 2)
        }
    }

    @Test("a failed reload keeps the old instance serving and reports the failure")
    func failedLoadKeepsOld() async throws {
        let loader = CountingLoader()
        let registry = try makeRegistry(loader: loader)
        try await withRunning(registry) {
            try await registry.load("distilbert-sentiment")
            loader.fail(with: "config.json: unsupported architecture")
            await #expect(throws: FakeFailure.self) { try await registry.load("distilbert-sentiment") }
            let info = try registry.info("distilbert-sentiment")
            #expect(info.state == "failed" && info.serving)
            #expect(info.reason == "load failed: config.json: unsupported architecture")
            let model = try #require(try await registry.resolve(nil).model as? CountingModel)
            #expect(model.version == 1)
            #expect(registry.readiness.ready)
        }
    }

    @Test("unload stops serving and frees the instance; VADER cannot be unloaded")
    func unload() async throws {
        let loader = CountingLoader()
        let registry = try makeRegistry(loader: loader)
        try await withRunning(registry) {
            try await registry.load("distilbert-sentiment")
            #expect(loader.counter.live == 1)
            let info = try registry.unload("distilbert")
            #expect(info.state == "available" && !info.serving && info.loadedAt == nil)
            #expect(loader.counter.live == 0)
            #expect(try await registry.resolve(nil).model == nil)
            #expect(throws: ValenceError.invalidInput("the built-in model 'vader' cannot be unloaded")) {
                try registry.unload("vader")
            }
        }
    }

    @Test("loading a model that is not on disk is refused")
    func loadNotDownloaded() async throws {
        let registry = try makeRegistry()
        try await withRunning(registry) {
            await #expect(throws: ValenceError.notReady("model 'twitter-roberta' is not downloaded; download it first")) {
                try await registry.load("twitter-roberta")
            }
        }
    }

    @Test("setDefault and aliases choose what requests without a model get")
    func defaultAndAliases() async throws {
        let registry = try makeRegistry(defaultModel: "distilbert")
        #expect(registry.defaultModelKey == "distilbert-sentiment")
        try registry.setDefault("vader")
        #expect(registry.defaultModelKey == "vader")
        #expect(try await registry.resolve(nil).model?.key == "vader")
        #expect(registry.readiness.ready)
        #expect(registry.models().filter(\.isDefault).map(\.key) == ["vader"])
        try registry.setDefault("distilbert")
        #expect(registry.defaultModelKey == "distilbert-sentiment")
    }

    @Test("unknown keys are refused with unknownModel everywhere")
    func unknownKeys() async throws {
        #expect(throws: ValenceError.unknownModel("nope")) { try self.makeRegistry(defaultModel: "nope") }
        let registry = try makeRegistry()
        let unknown = ValenceError.unknownModel("gpt")
        await #expect(throws: unknown) { try await registry.resolve("gpt") }
        await #expect(throws: unknown) { try await registry.load("gpt") }
        #expect(throws: unknown) { try registry.info("gpt") }
        #expect(throws: unknown) { try registry.download("gpt") }
        #expect(throws: unknown) { try registry.unload("gpt") }
        #expect(throws: unknown) { try registry.setDefault("gpt") }
    }

    @Test("a registered folder is listed under its folder name and loads")
    func registeredFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("valence-models-\(UUID().uuidString)/my-model")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let registry = try makeRegistry()
        let info = try registry.register(folder: folder)
        #expect(info.key == "my-model" && info.source == .folder && info.state == "available")
        #expect(throws: ValenceError.self) { try registry.register(folder: folder.appendingPathComponent("missing")) }
        try await withRunning(registry) {
            try await registry.load("my-model")
            #expect(try await registry.resolve("my-model").model?.key == "my-model")
        }
        #expect(registry.models().last?.key == "my-model")
    }

    @Test("after shutdown, downloads and loads are refused")
    func shutdownRefuses() async throws {
        let registry = try makeRegistry()
        try await withRunning(registry) {}
        #expect(throws: ModelRegistry.shutDownError) { try registry.download("twitter-roberta") }
        await #expect(throws: ModelRegistry.shutDownError) { try await registry.load("distilbert-sentiment") }
        #expect(try registry.info("twitter-roberta").state == "not_downloaded")
    }

    @Test("a loaded batcher's loop runs in the registry and ends when the batcher is unloaded")
    func batcherInRegistry() async throws {
        let counter = InstanceCounter()
        let metrics = ModelServiceMetrics()
        let registry = try ModelRegistry(
            defaultModelKey: "distilbert", store: FakeModelStore(complete: [Self.distilRepository: Self.cached]),
            loader: { request in
                DynamicBatcher(model: RecordingBatchModel(key: request.key, counter: counter), metrics: metrics)
            },
            logger: testLogger
        )
        try await withRunning(registry) {
            try await registry.load("distilbert-sentiment")
            try await classifyWhileUnloading(registry, counter: counter)
            #expect(await eventually { counter.live == 0 })
        }
    }

    /// Holds the resolved batcher across an unload, as a request in flight would, then lets go of it.
    private func classifyWhileUnloading(_ registry: ModelRegistry, counter: InstanceCounter) async throws {
        let model = try #require(try await registry.resolve(nil).model)
        #expect(try await model.classify(["a", "bb"]).map(\.echoedText) == ["a", "bb"])
        try registry.unload("distilbert-sentiment")
        #expect(counter.live == 1)
        #expect(try await model.classify(["still served"]).map(\.echoedText) == ["still served"])
    }
}
