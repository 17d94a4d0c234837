import Foundation
import Testing
import ValenceSources
import ValenceStorage

@Suite("Feed client")
struct FeedClientTests {
    let sourceID = UUID()

    @Test("conditional GET: validators are sent back and a 304 is not modified")
    func conditionalGet() async throws {
        try await FakeSourceServer.withRunning({ request, _ in
            request.headers["if-none-match"] == "\"v1\""
                ? FakeSourceServer.Reply(status: .notModified)
                : .xml(FeedFixtures.atom, headers: [("ETag", "\"v1\""), ("Last-Modified", "Fri, 01 Mar 2024 12:00:00 GMT")])
        }) { server in
            try await withSourceHTTPClient { http in
                let client = FeedClient(http: http)
                let url = server.baseURL.absoluteString + "/atom.xml"
                let first = try await client.newItems(url: url, sourceID: sourceID, validators: .none, limit: 10, known: nothingKnown)
                #expect(first.items.count == 2)
                #expect(!first.notModified)
                #expect(first.validators == HTTPValidators(etag: "\"v1\"", lastModified: "Fri, 01 Mar 2024 12:00:00 GMT"))
                let second = try await client.newItems(url: url, sourceID: sourceID, validators: first.validators, limit: 10,
                                                       known: nothingKnown)
                #expect(second == SourceFetch(items: [], validators: first.validators, notModified: true))
                #expect(server.requests[1].headers["if-modified-since"] == "Fri, 01 Mar 2024 12:00:00 GMT")
                #expect(server.requests[0].headers["if-none-match"] == nil)
            }
        }
    }

    @Test("known entries are left out and the rest is limited")
    func knownAndLimit() async throws {
        try await FakeSourceServer.withRunning({ _, _ in .xml(FeedFixtures.rss) }) { server in
            try await withSourceHTTPClient { http in
                let client = FeedClient(http: http)
                let url = server.baseURL.absoluteString + "/rss"
                let fetched = try await client.newItems(url: url, sourceID: sourceID, validators: .none, limit: 1) { ids in
                    Set(ids).intersection(["urn:example:1"])
                }
                #expect(fetched.items.map(\.externalID) == ["https://news.example.org/entities"])
                await #expect(throws: SourceFetchError.outsideBase(url: "file:///etc/passwd")) {
                    try await client.newItems(url: "file:///etc/passwd", sourceID: sourceID, validators: .none, limit: 1,
                                              known: nothingKnown)
                }
            }
        }
    }
}
