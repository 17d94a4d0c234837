import Foundation
import Testing
import ValenceCore
import ValenceSources
import ValenceStorage
import ValenceTestSupport

@Suite("Reddit client")
struct RedditClientTests {
    let sourceID = UUID()

    /// Three pages of new posts: p5 p4 | p3 p2 | p1.
    static func pagedListing(_ request: FakeSourceServer.Request, _: Int) -> FakeSourceServer.Reply {
        switch request.parameter("after") {
        case nil: .json(RedditFixtures.listing([RedditFixtures.post("p5", title: "five"), RedditFixtures.post("p4", title: "four")], after: "t3_p4"))
        case "t3_p4": .json(RedditFixtures.listing([RedditFixtures.post("p3", title: "three"), RedditFixtures.post("p2", title: "two")], after: "t3_p2"))
        default: .json(RedditFixtures.listing([RedditFixtures.post("p1", title: "one")]))
        }
    }

    @Test("follows `after` across pages with limit=100 and the configured User-Agent")
    func paginates() async throws {
        try await FakeSourceServer.withRunning(Self.pagedListing) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                let items = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false,
                                                      limit: 100, known: nothingKnown)
                #expect(items.map(\.externalID) == ["t3_p5", "t3_p4", "t3_p3", "t3_p2", "t3_p1"])
                #expect(items[0] == SourceItem(sourceID: sourceID, externalID: "t3_p5", kind: .post, text: "five",
                                               authorHash: SourceItem.authorHash(of: "alice"),
                                               createdAt: Date(timeIntervalSince1970: 1_700_000_000),
                                               link: server.baseURL.absoluteString + "/r/swift/comments/p5/post/"))
                let requests = server.requests
                #expect(requests.map(\.path) == Array(repeating: "/r/swift/new.json", count: 3))
                #expect(requests.map { $0.parameter("after") } == [nil, "t3_p4", "t3_p2"])
                #expect(requests.allSatisfy { $0.parameter("limit") == "100" })
                #expect(requests[0].headers["user-agent"] == "valence/\(ValenceVersion.current) (sentiment research; +ops@example.org)")
            }
        }
    }

    @Test("stops paging at the first known post and at the page limit")
    func stopsAtKnown() async throws {
        try await FakeSourceServer.withRunning(Self.pagedListing) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                let items = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false, limit: 100) { ids in
                    Set(ids).intersection(["t3_p3"])
                }
                #expect(items.map(\.externalID) == ["t3_p5", "t3_p4"])
                #expect(server.requests.count == 2)
                let limited = RedditClient(http: http, baseURL: server.baseURL, maximumPages: 1, logger: .quiet)
                let firstPage = try await limited.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false,
                                                           limit: 100, known: nothingKnown)
                #expect(firstPage.count == 2)
                let capped = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false,
                                                       limit: 3, known: nothingKnown)
                #expect(capped.map(\.externalID) == ["t3_p5", "t3_p4", "t3_p3"])
            }
        }
    }

    @Test("comments of new posts are flattened; deleted, removed and 'more' are skipped")
    func flattensComments() async throws {
        let thread = RedditFixtures.thread(post: RedditFixtures.post("p1", title: "one"), comments: [
            RedditFixtures.comment("c1", body: "first", replies: [
                RedditFixtures.comment("c2", body: "reply", replies: [RedditFixtures.comment("c3", body: "deep")]),
                RedditFixtures.comment("c4", body: "[deleted]", author: "[deleted]"),
            ]),
            RedditFixtures.comment("c5", body: "[removed]"),
            RedditFixtures.more,
            RedditFixtures.comment("c6", body: "last", author: "[deleted]"),
        ])
        try await FakeSourceServer.withRunning({ request, _ in
            request.path == "/comments/p1.json"
                ? .json(thread) : .json(RedditFixtures.listing([RedditFixtures.post("p1", title: "one", selftext: "[removed]")]))
        }) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                let items = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: true,
                                                      limit: 100, known: nothingKnown)
                #expect(items.map(\.externalID) == ["t3_p1", "t1_c1", "t1_c2", "t1_c3", "t1_c6"])
                #expect(items.map(\.text) == ["one", "first", "reply", "deep", "last"])
                #expect(items.map(\.kind) == [.post, .comment, .comment, .comment, .comment])
                #expect(items[1].authorHash == SourceItem.authorHash(of: "bob"))
                #expect(items[4].authorHash == nil)
                #expect(server.requests.map(\.path) == ["/r/swift/new.json", "/comments/p1.json"])
            }
        }
    }

    @Test("a 429 is retried after its Retry-After")
    func honoursRetryAfter() async throws {
        try await FakeSourceServer.withRunning({ _, earlier in
            earlier == 0 ? FakeSourceServer.Reply(status: .tooManyRequests, headers: [("Retry-After", "1")])
                : .json(RedditFixtures.listing([RedditFixtures.post("p1", title: "one")]))
        }) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                let items = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false,
                                                      limit: 10, known: nothingKnown)
                #expect(items.count == 1)
                let requests = server.requests
                #expect(requests.count == 2)
                let waited = requests[0].receivedAt.duration(to: requests[1].receivedAt)
                #expect(waited >= .milliseconds(950) && waited < .seconds(3))
            }
        }
    }

    @Test("429s beyond the retry budget fail with a clear reason; waits are capped")
    func givesUpOnRateLimit() async throws {
        try await FakeSourceServer.withRunning({ _, _ in
            FakeSourceServer.Reply(status: .tooManyRequests, headers: [("Retry-After", "3600")])
        }) { server in
            try await withSourceHTTPClient(maximumBackoff: .milliseconds(200), retries: 1) { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                let started = ContinuousClock.now
                await #expect(throws: SourceFetchError.rateLimited(url: server.baseURL.absoluteString + "/r/swift/new.json?limit=100&raw_json=1", attempts: 2)) {
                    try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: false, limit: 10, known: nothingKnown)
                }
                #expect(started.duration(to: .now) < .seconds(2))
                #expect(server.requests.count == 2)
            }
        }
    }

    @Test("X-Ratelimit-Remaining below one holds the next request until X-Ratelimit-Reset")
    func pacesOnRateLimitHeaders() async throws {
        let thread = RedditFixtures.thread(post: RedditFixtures.post("p1", title: "one"), comments: [])
        try await FakeSourceServer.withRunning({ request, _ in
            request.path == "/comments/p1.json" ? .json(thread)
                : .json(RedditFixtures.listing([RedditFixtures.post("p1", title: "one")]),
                        headers: [("X-Ratelimit-Remaining", "0.0"), ("X-Ratelimit-Reset", "1"), ("X-Ratelimit-Used", "100")])
        }) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                _ = try await client.newItems(subreddit: "swift", sourceID: sourceID, includeComments: true, limit: 10, known: nothingKnown)
                let requests = server.requests
                #expect(requests.count == 2)
                let waited = requests[0].receivedAt.duration(to: requests[1].receivedAt)
                #expect(waited >= .milliseconds(950) && waited < .seconds(3))
            }
        }
    }

    @Test("malformed JSON, redirects and error statuses fail with the reason; redirects are not followed")
    func failures() async throws {
        try await FakeSourceServer.withRunning({ request, _ in
            switch request.path {
            case "/r/broken/new.json": .json(#"{"kind": "Listing", "data": {"children": [{"kind": "t3""#)
            case "/r/shape/new.json": .json(#"{"kind": "Listing", "data": {"after": null}}"#)
            case "/r/moved/new.json": FakeSourceServer.Reply(status: .found, headers: [("Location", "http://127.0.0.1:9/elsewhere")])
            default: FakeSourceServer.Reply(status: .internalServerError)
            }
        }) { server in
            try await withSourceHTTPClient { http in
                let client = RedditClient(http: http, baseURL: server.baseURL, logger: .quiet)
                func reason(_ subreddit: String) async -> String {
                    do {
                        _ = try await client.newItems(subreddit: subreddit, sourceID: sourceID, includeComments: false,
                                                      limit: 10, known: nothingKnown)
                        return "no error"
                    } catch {
                        return "\(error)"
                    }
                }
                let base = server.baseURL.absoluteString
                #expect(await reason("broken").hasPrefix("\(base)/r/broken/new.json?limit=100&raw_json=1 sent a malformed payload: not valid JSON"))
                #expect(await reason("shape") == "\(base)/r/shape/new.json?limit=100&raw_json=1 sent a malformed payload: missing 'children' at data")
                #expect(await reason("moved").contains("redirected to http://127.0.0.1:9/elsewhere"))
                #expect(await reason("down") == "\(base)/r/down/new.json?limit=100&raw_json=1 answered HTTP 500")
                #expect(await reason("../etc").contains("outside the configured source"))
                #expect(!server.requests.contains { $0.path.contains("elsewhere") || $0.path.contains("etc") })
            }
        }
    }
}
