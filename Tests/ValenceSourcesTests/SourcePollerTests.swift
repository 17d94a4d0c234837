import Foundation
import Logging
import ServiceLifecycle
import Testing
import ValenceSources
import ValenceStorage
import ValenceTestSupport

@Suite("Source poller")
struct SourcePollerTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func makePoller(_ repository: SQLSourceRepository, http: SourceHTTPClient, server: FakeSourceServer,
                    recorder: ScoringRecorder, tick: Duration = .seconds(1)) -> SourcePoller {
        SourcePoller(repository: repository, reddit: RedditClient(http: http, baseURL: server.baseURL, logger: .quiet),
                     feeds: FeedClient(http: http), configuration: SourcePollerConfiguration(tick: tick), logger: .quiet,
                     scorer: recorder.scorer)
    }

    @Test("items seen in an earlier poll are scored and stored once")
    func deduplicatesAcrossPolls() async throws {
        let thread = RedditFixtures.thread(post: RedditFixtures.post("p3", title: "three"),
                                           comments: [RedditFixtures.comment("c1", body: "nice")])
        try await FakeSourceServer.withRunning({ request, earlier in
            if request.path == "/comments/p3.json" { return .json(thread) }
            if request.path.hasPrefix("/comments/") { return .json(RedditFixtures.thread(post: RedditFixtures.post("p", title: "p"), comments: [])) }
            let older = [RedditFixtures.post("p2", title: "two"), RedditFixtures.post("p1", title: "one")]
            return .json(RedditFixtures.listing(earlier == 0 ? older : [RedditFixtures.post("p3", title: "three")] + older))
        }) { server in
            try await withSourceHTTPClient { http in
                try await withSourceRepository { repository in
                    let recorder = ScoringRecorder()
                    let poller = makePoller(repository, http: http, server: server, recorder: recorder)
                    let source = try await repository.create(.reddit(name: "r/swift", subreddit: "swift"), id: UUID(), at: start)
                    #expect(await poller.poll(source, at: start) == .polled(newItems: 2))
                    #expect(await poller.poll(try await repository.get(id: source.id), at: start.addingTimeInterval(300)) == .polled(newItems: 2))
                    #expect(await poller.poll(try await repository.get(id: source.id), at: start.addingTimeInterval(600)) == .polled(newItems: 0))
                    #expect(recorder.scoredIDs == ["t3_p2", "t3_p1", "t3_p3", "t1_c1"])
                    let stored = try await repository.items(sourceID: source.id, limit: 10)
                    #expect(stored.count == 4)
                    #expect(stored.allSatisfy { $0.predictionID != nil })
                    let polled = try await repository.get(id: source.id)
                    #expect(polled.state == .ok)
                    #expect(polled.lastPolledAt == start.addingTimeInterval(600))
                }
            }
        }
    }

    @Test("a malformed source is marked failing with the reason while another keeps working; recovery clears it")
    func failingSourceIsolated() async throws {
        try await FakeSourceServer.withRunning({ request, earlier in
            switch request.path {
            case "/feed.xml": return .xml(FeedFixtures.rss)
            case "/broken.xml": return earlier == 0 ? .xml(FeedFixtures.malformed) : .xml(FeedFixtures.atom)
            default: return .json("{\"kind\": \"Listing\", \"data\": ")
            }
        }) { server in
            try await withSourceHTTPClient { http in
                try await withSourceRepository { repository in
                    let recorder = ScoringRecorder()
                    let poller = makePoller(repository, http: http, server: server, recorder: recorder)
                    let base = server.baseURL.absoluteString
                    let feed = try await repository.create(.feed(name: "good", url: base + "/feed.xml"), id: UUID(), at: start)
                    let broken = try await repository.create(.feed(name: "broken", url: base + "/broken.xml"), id: UUID(), at: start)
                    let reddit = try await repository.create(.reddit(name: "r/swift", subreddit: "swift"), id: UUID(), at: start)
                    let outcomes = try await poller.pollDueSources(at: start)
                    #expect(outcomes[feed.id] == .polled(newItems: 3))
                    guard case .failed(let reason) = outcomes[broken.id] else {
                        Issue.record("broken feed did not fail: \(String(describing: outcomes[broken.id]))")
                        return
                    }
                    #expect(reason.hasPrefix("\(base)/broken.xml sent a malformed payload: not well-formed XML"))
                    let failing = try await repository.get(id: broken.id)
                    #expect(failing.state == .failing)
                    #expect(failing.lastError == reason)
                    #expect(try await repository.get(id: reddit.id).lastError?.contains("malformed payload") == true)
                    #expect(try await repository.get(id: feed.id).state == .ok)
                    // Nothing is due before the interval; then the broken feed serves a valid document again.
                    #expect(try await poller.pollDueSources(at: start.addingTimeInterval(10)).isEmpty)
                    let later = try await poller.pollDueSources(at: start.addingTimeInterval(300))
                    #expect(later[broken.id] == .polled(newItems: 2))
                    #expect(later[feed.id] == .polled(newItems: 0))
                    let recovered = try await repository.get(id: broken.id)
                    #expect(recovered.state == .ok)
                    #expect(recovered.lastError == nil)
                    #expect(recorder.scoredIDs.count == 5)
                }
            }
        }
    }

    @Test("items whose scoring failed are taken again by the next poll")
    func scoringFailureReleasesItems() async throws {
        try await FakeSourceServer.withRunning({ _, _ in .xml(FeedFixtures.atom) }) { server in
            try await withSourceHTTPClient { http in
                try await withSourceRepository { repository in
                    let recorder = ScoringRecorder()
                    let poller = makePoller(repository, http: http, server: server, recorder: recorder)
                    let source = try await repository.create(.feed(name: "blog", url: server.baseURL.absoluteString + "/atom"),
                                                             id: UUID(), at: start)
                    recorder.setFailing(true)
                    #expect(await poller.poll(source, at: start) == .failed(reason: "scoring failed: the model is away"))
                    #expect(try await repository.items(sourceID: source.id, limit: 10).isEmpty)
                    recorder.setFailing(false)
                    #expect(await poller.poll(try await repository.get(id: source.id), at: start) == .polled(newItems: 2))
                    #expect(try await repository.get(id: source.id).state == .ok)
                }
            }
        }
    }

    @Test("the service picks up sources added while it runs and stops on graceful shutdown")
    func runsAsService() async throws {
        try await FakeSourceServer.withRunning({ _, _ in .xml(FeedFixtures.rss) }) { server in
            try await withSourceHTTPClient { http in
                try await withSourceRepository { repository in
                    let recorder = ScoringRecorder()
                    let poller = makePoller(repository, http: http, server: server, recorder: recorder, tick: .milliseconds(50))
                    let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [poller], logger: .quiet))
                    try await withThrowingTaskGroup(of: Void.self) { tasks in
                        tasks.addTask { try await group.run() }
                        try await Task.sleep(for: .milliseconds(100))
                        #expect(recorder.batches.isEmpty)
                        _ = try await repository.create(.feed(name: "late", url: server.baseURL.absoluteString + "/rss"),
                                                        id: UUID(), at: Date())
                        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
                        while recorder.batches.isEmpty, ContinuousClock.now < deadline {
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        await group.triggerGracefulShutdown()
                        try await tasks.waitForAll()
                    }
                    #expect(recorder.scoredIDs.count == 3)
                }
            }
        }
    }
}
