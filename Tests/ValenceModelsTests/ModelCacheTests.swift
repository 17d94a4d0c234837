import Foundation
import Testing
import ValenceTestSupport
@testable import ValenceModels

@Suite("Model cache listing and removal")
struct ModelCacheTests {
    @Test("list shows each revision with its size and completeness; remove deletes one repository only")
    func listAndRemove() async throws {
        try await FakeHub.withRunning { hub in
            let tiny = FakeRepository.model("acme/tiny", weightBytes: 10_000)
            let tinyV2 = FakeRepository.model("acme/tiny", revision: "v2", weightBytes: 12_000)
            let other = FakeRepository.model("solo", weightBytes: 8_000)
            [tiny, tinyV2, other].forEach(hub.add)
            try await withTemporaryDirectory { folder in
                let root = folder.appendingPathComponent("cache", isDirectory: true)
                let outside = folder.appendingPathComponent("keep-me.txt")
                try Data("precious".utf8).write(to: outside)
                try await withStore(hub: hub, root: root) { store in
                    for model in [tiny, tinyV2, other] {
                        _ = try await store.download(repository: model.repository, revision: model.revision) { _ in }
                    }
                    try FileManager.default.createDirectory(
                        at: root.appendingPathComponent("not a model", isDirectory: true), withIntermediateDirectories: true)

                    let listed = store.cache.list()
                    #expect(listed.map(\.repository) == ["acme/tiny", "acme/tiny", "solo"])
                    #expect(listed.map(\.revision) == ["main", "v2", "main"])
                    #expect(listed.allSatisfy { $0.isComplete })
                    let tinyMain = try #require(listed.first)
                    let modelBytes = ["config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors"]
                        .reduce(0) { $0 + (tiny.files[$1]?.count ?? 0) }
                    #expect(tinyMain.sizeOnDisk >= Int64(modelBytes))

                    #expect(try store.cache.remove(repository: "acme/tiny"))
                    #expect(try !store.cache.remove(repository: "acme/tiny"))
                    #expect(store.cache.list().map(\.repository) == ["solo"])
                    #expect(store.localDirectory(repository: "acme/tiny", revision: "v2") == nil)
                    #expect(store.localDirectory(repository: "solo", revision: "main") != nil)
                }
                #expect(try String(contentsOf: outside, encoding: .utf8) == "precious")
            }
        }
    }

    @Test("a folder missing a file or the completion marker is not a complete model")
    func incompleteFolders() async throws {
        try await FakeHub.withRunning { hub in
            let model = FakeRepository.model(weightBytes: 5_000)
            hub.add(model)
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let folder = try await store.download(repository: model.repository, revision: "main") { _ in }
                    try FileManager.default.removeItem(at: folder.appendingPathComponent("tokenizer.json"))
                    #expect(store.localDirectory(repository: model.repository, revision: "main") == nil)
                    let requestsBefore = hub.requests.count
                    _ = try await store.download(repository: model.repository, revision: "main") { _ in }
                    let refetched = hub.requests.dropFirst(requestsBefore).filter { $0.path.contains("/resolve/") }.map(\.path)
                    #expect(refetched == ["/acme/tiny-sentiment/resolve/main/tokenizer.json"])
                    try FileManager.default.removeItem(at: folder.appendingPathComponent(CompletionMarker.fileName))
                    #expect(store.localDirectory(repository: model.repository, revision: "main") == nil)
                }
            }
        }
    }
}
