import Foundation
import Testing
import ValenceTestSupport
@testable import ValenceModels

@Suite("Hub model store against a fake hub")
struct HubModelStoreTests {
    @Test("a pull downloads the model files, verified, and later pulls use the cache")
    func pullSucceeds() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let progress = ProgressLog()
                    let folder = try await store.download(repository: model.repository, revision: "main",
                                                          progress: progress.record)
                    #expect(folder == root.appendingPathComponent("acme--tiny-sentiment/main", isDirectory: true).standardizedFileURL)
                    for name in ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"] {
                        let data = try Data(contentsOf: folder.appendingPathComponent(name))
                        #expect(Array(data) == model.files[name], "\(name) differs")
                    }
                    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("README.md").path))
                    #expect(allFiles(under: folder).allSatisfy { !$0.hasSuffix(".incomplete") })
                    #expect(store.localDirectory(repository: model.repository, revision: "main") == folder)

                    let expectedTotal = Int64(["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"]
                        .reduce(0) { $0 + (model.files[$1]?.count ?? 0) })
                    let last = try #require(progress.all.last)
                    #expect(last.completedBytes == expectedTotal && last.totalBytes == expectedTotal)
                    #expect(last.file == "model.safetensors")
                    #expect(progress.all.map(\.completedBytes) == progress.all.map(\.completedBytes).sorted())

                    let requestsAfterFirstPull = hub.requests.count
                    let again = try await store.download(repository: model.repository, revision: "main") { _ in }
                    #expect(again == folder)
                    #expect(hub.requests.count == requestsAfterFirstPull)
                }
            }
        }
    }

    @Test("an interrupted transfer is resumed with a Range request")
    func resumeAfterCutConnection() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            hub.state.withLockedValue { $0.cutNextTransfer["model.safetensors"] = 70_000 }
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let error = await #expect(throws: HubError.self) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                    guard case .transferInterrupted(let file, _, let expected, _) = error else {
                        Issue.record("expected an interrupted transfer, got \(String(describing: error))")
                        return
                    }
                    #expect(file == "model.safetensors" && expected == 200_000)
                    #expect(store.localDirectory(repository: model.repository, revision: "main") == nil)
                    let folder = try store.cache.directory(repository: model.repository, revision: "main")
                    let partial = folder.appendingPathComponent("model.safetensors.incomplete")
                    let kept = try #require(try FileManager.default.attributesOfItem(atPath: partial.path)[.size] as? NSNumber).intValue
                    #expect(kept > 0 && kept <= 70_000)

                    let resumed = try await store.download(repository: model.repository, revision: "main") { _ in }
                    let weights = try Data(contentsOf: resumed.appendingPathComponent("model.safetensors"))
                    #expect(Array(weights) == model.files["model.safetensors"])
                    let ranged = hub.requests.filter { $0.path.hasSuffix("/model.safetensors") }.compactMap(\.range)
                    #expect(ranged == ["bytes=\(kept)-"])
                    #expect(!FileManager.default.fileExists(atPath: partial.path))
                }
            }
        }
    }

    @Test("a hub that ignores Range and answers 200 makes the file restart from the first byte")
    func rangeIgnored() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            hub.state.withLockedValue { $0.cutNextTransfer["model.safetensors"] = 50_000 }
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    await #expect(throws: HubError.self) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                    hub.state.withLockedValue { $0.ignoresRange = true }
                    let folder = try await store.download(repository: model.repository, revision: "main") { _ in }
                    let weights = try Data(contentsOf: folder.appendingPathComponent("model.safetensors"))
                    #expect(Array(weights) == model.files["model.safetensors"])
                    #expect(hub.requests.contains { $0.path.hasSuffix("/model.safetensors") && $0.range != nil })
                }
            }
        }
    }

    @Test("a checksum mismatch fails clearly and leaves neither a complete model nor partial files")
    func checksumMismatch() async throws {
        try await FakeHub.withRunning { hub in
            var model = FakeRepository.model()
            let wrong = String(repeating: "ab", count: 32)
            model.announcedSHA256["model.safetensors"] = wrong
            hub.add(model)
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let actual = FakeRepository.sha256Hex(model.files["model.safetensors"] ?? [])
                    await #expect(throws: HubError.checksumMismatch(file: "model.safetensors", expected: wrong, actual: actual)) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                    #expect(store.localDirectory(repository: model.repository, revision: "main") == nil)
                    let files = allFiles(under: root)
                    #expect(!files.contains { $0.hasSuffix(".incomplete") || $0.hasSuffix("model.safetensors") })
                    #expect(store.cache.list().allSatisfy { !$0.isComplete })
                }
            }
        }
    }

    @Test("an unknown repository or revision is reported as not found on the hub")
    func unknownRepository() async throws {
        try await FakeHub.withRunning { hub in
            hub.add(FakeRepository.model())
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let error = await #expect(throws: HubError.notFound(repository: "acme/missing", revision: "main")) {
                        try await store.download(repository: "acme/missing", revision: "main") { _ in }
                    }
                    #expect(error.map { "\($0)" }?.contains("not found on the hub") == true)
                    await #expect(throws: HubError.notFound(repository: "acme/tiny-sentiment", revision: "v9")) {
                        try await store.download(repository: "acme/tiny-sentiment", revision: "v9") { _ in }
                    }
                    #expect(store.cache.list().isEmpty)
                }
            }
        }
    }

    @Test("a repository without weights or tokenizer is not a usable model")
    func missingRequiredFiles() async throws {
        try await FakeHub.withRunning { hub in
            var model = FakeRepository.model("acme/no-weights")
            model.files["model.safetensors"] = nil
            model.files["tokenizer.json"] = nil
            hub.add(model)
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    await #expect(throws: HubError.missingRequiredFiles(
                        repository: "acme/no-weights", revision: "main", files: ["tokenizer.json", "model.safetensors"])) {
                        try await store.download(repository: "acme/no-weights", revision: "main") { _ in }
                    }
                    #expect(!hub.requests.contains { $0.path.contains("/resolve/") })
                }
            }
        }
    }

    @Test("offline mode answers from the cache only")
    func offlineMode() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model()
            hub.add(model)
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root, offline: true) { offline in
                    await #expect(throws: HubError.offlineNotCached(repository: model.repository, revision: "main")) {
                        try await offline.download(repository: model.repository, revision: "main") { _ in }
                    }
                }
                #expect(hub.requests.isEmpty)
                let pulled = try await withStore(hub: hub, root: root) { online in
                    try await online.download(repository: model.repository, revision: "main") { _ in }
                }
                let requestsOnline = hub.requests.count
                try await withStore(hub: hub, root: root, offline: true) { offline in
                    let folder = try await offline.download(repository: model.repository, revision: "main") { _ in }
                    #expect(folder == pulled)
                }
                #expect(hub.requests.count == requestsOnline)
            }
        }
    }

    @Test("the token is sent to the hub's host and never to a redirect target on another host")
    func tokenStaysOnHubHost() async throws {
        try await FakeHub.withRunning { hub in
            try await FakeHub.withRunning { cdn in
                let model = FakeRepository.model()
                hub.add(model)
                cdn.add(model)
                hub.state.withLockedValue { $0.redirects["model.safetensors"] = "http://localhost:\(cdn.port)" }
                try await withTemporaryDirectory { root in
                    try await withStore(hub: hub, root: root, token: "hf_secret") { store in
                        let folder = try await store.download(repository: model.repository, revision: "main") { _ in }
                        let weights = try Data(contentsOf: folder.appendingPathComponent("model.safetensors"))
                        #expect(Array(weights) == model.files["model.safetensors"])
                    }
                }
                #expect(!hub.requests.isEmpty && hub.requests.allSatisfy { $0.authorization == "Bearer hf_secret" })
                #expect(cdn.requests.map(\.path) == ["/acme/tiny-sentiment/resolve/main/model.safetensors"])
                #expect(cdn.requests.allSatisfy { $0.authorization == nil })
            }
        }
    }
}
