import Foundation
import Testing
import ValenceTestSupport
@testable import ValenceModels

@Suite("Timeouts and concurrent pulls")
struct TransferLimitsTests {
    @Test("a hub that stops sending fails the pull after the read timeout, keeping the partial file")
    func readTimeout() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            hub.state.withLockedValue { $0.stallNextTransfer["model.safetensors"] = 30_000 }
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root, readTimeout: .seconds(1)) { store in
                    let started = ContinuousClock.now
                    let error = await #expect(throws: HubError.self) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                    #expect(ContinuousClock.now - started < FakeHub.stallDuration)
                    guard case .transferInterrupted(let file, let received, _, _) = error else {
                        Issue.record("expected an interrupted transfer, got \(String(describing: error))")
                        return
                    }
                    #expect(file == "model.safetensors" && received <= 30_000)
                    #expect(allFiles(under: root).contains { $0.hasSuffix("model.safetensors.incomplete") })
                }
            }
        }
    }

    @Test("a second pull of a model being downloaded fails instead of sharing its partial files")
    func concurrentPull() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            hub.state.withLockedValue { $0.stallNextTransfer["model.safetensors"] = 10_000 }
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root, readTimeout: .seconds(10)) { store in
                    async let first: URL = store.download(repository: model.repository, revision: "main") { _ in }
                    var waited = 0
                    while !hub.requests.contains(where: { $0.path.hasSuffix("/model.safetensors") }), waited < 1_000 {
                        try await Task.sleep(for: .milliseconds(10))
                        waited += 1
                    }
                    await #expect(throws: HubError.downloadInProgress(repository: model.repository, revision: "main")) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                    do {
                        _ = try await first
                        Issue.record("the stalled pull should have timed out")
                    } catch {
                        #expect(error is HubError)
                    }
                    let folder = try await store.download(repository: model.repository, revision: "main") { _ in }
                    #expect(Array(try Data(contentsOf: folder.appendingPathComponent("model.safetensors")))
                        == model.files["model.safetensors"])
                }
            }
        }
    }
}
