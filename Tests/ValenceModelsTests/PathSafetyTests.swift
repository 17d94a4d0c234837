import Foundation
import Testing
import ValenceTestSupport
@testable import ValenceModels

@Suite("Names and paths never escape the model cache")
struct PathSafetyTests {
    static let badRepositories = [
        "../x", "/abs", "a/../../b", "a/b/c", "", "/", "owner/", "/name", ".hidden", "-flag", "owner/..",
        "a--b", "owner/na me", "owner\\name", "ow%2e%2e/x", "caf\u{E9}/x", String(repeating: "a", count: 97),
    ]
    static let badRevisions = [
        "..", "main/../..", "", ".", ".git", "-x", "a..b", "main/x", "ma in", "ma\0in", "%2e%2e",
        String(repeating: "a", count: 101),
    ]

    @Test("invalid repository ids are rejected before any request", arguments: badRepositories)
    func badRepository(repository: String) async throws {
        try await FakeHub.withRunning { hub in
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let error = await #expect(throws: HubError.self) {
                        try await store.download(repository: repository, revision: "main") { _ in }
                    }
                    if case .invalidRepository = error {} else { Issue.record("got \(String(describing: error))") }
                    #expect(store.localDirectory(repository: repository, revision: "main") == nil)
                    #expect(throws: HubError.self) { try store.cache.remove(repository: repository) }
                }
                #expect(allFiles(under: root).isEmpty)
            }
            #expect(hub.requests.isEmpty)
        }
    }

    @Test("invalid revisions are rejected before any request", arguments: badRevisions)
    func badRevision(revision: String) async throws {
        try await FakeHub.withRunning { hub in
            try await withTemporaryDirectory { root in
                try await withStore(hub: hub, root: root) { store in
                    let error = await #expect(throws: HubError.self) {
                        try await store.download(repository: "acme/tiny", revision: revision) { _ in }
                    }
                    if case .invalidRevision = error {} else { Issue.record("got \(String(describing: error))") }
                }
                #expect(allFiles(under: root).isEmpty)
            }
            #expect(hub.requests.isEmpty)
        }
    }

    @Test("valid names are accepted", arguments: [
        ("distilbert/distilbert-base-uncased-finetuned-sst-2-english", "main"),
        ("gpt2", "v1.0"), ("cardiffnlp/twitter-roberta-base-sentiment-latest", String(repeating: "f", count: 40)),
    ])
    func validNames(repository: String, revision: String) throws {
        try HubNames.validateRepository(repository)
        try HubNames.validateRevision(revision)
    }

    @Test("a hub listing with a traversal path is rejected and nothing is written outside the cache",
          arguments: ["../evil", "/etc/passwd", "a/../../evil", "./config.json", "a//b", "..\\evil"])
    func maliciousListing(path: String) async throws {
        try await FakeHub.withRunning { hub in
            var model = FakeRepository.model()
            model.extraEntries = [["type": "file", "path": path, "size": 4, "oid": String(repeating: "2", count: 40)]]
            hub.add(model)
            try await withTemporaryDirectory { folder in
                let root = folder.appendingPathComponent("cache", isDirectory: true)
                try await withStore(hub: hub, root: root) { store in
                    await #expect(throws: HubError.unsafePath(path)) {
                        try await store.download(repository: model.repository, revision: "main") { _ in }
                    }
                }
                #expect(allFiles(under: folder).isEmpty)
            }
            #expect(!hub.requests.contains { $0.path.contains("/resolve/") })
        }
    }

    @Test("file paths inside a revision folder are validated and contained")
    func filePaths() throws {
        let cache = ModelCache(root: URL(fileURLWithPath: "/tmp/valence-cache"))
        let folder = try cache.directory(repository: "acme/tiny", revision: "main")
        #expect(folder.path == "/tmp/valence-cache/acme--tiny/main")
        #expect(try cache.fileURL("config.json", in: folder).path == "/tmp/valence-cache/acme--tiny/main/config.json")
        #expect(try cache.fileURL(".gitattributes", in: folder).lastPathComponent == ".gitattributes")
        for path in ["../x", "/etc/passwd", "a/../../b", "", ".", "a/./b", "-rf", "a b"] {
            #expect(throws: HubError.unsafePath(path)) { try cache.fileURL(path, in: folder) }
        }
    }
}
