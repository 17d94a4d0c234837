import Foundation
import Testing
import ValenceCore
import ValenceStorage

@Suite("Source configuration")
struct SourceConfigurationTests {
    @Test("valid Reddit and feed sources pass", arguments: [
        SourceConfiguration.reddit(name: "r/swift", subreddit: "swift"),
        SourceConfiguration.reddit(name: "r/AskReddit_2", subreddit: "AskReddit_2", pollInterval: .seconds(5)),
        SourceConfiguration.reddit(name: "longest", subreddit: String(repeating: "a", count: 21)),
        SourceConfiguration.feed(name: "blog", url: "https://blog.example.org/feed.xml"),
        SourceConfiguration.feed(name: "local", url: "http://127.0.0.1:8080/rss?x=1", maxItemsPerPoll: 1_000),
    ])
    func valid(_ configuration: SourceConfiguration) throws {
        try configuration.validate()
    }

    @Test("invalid sources are refused", arguments: [
        SourceConfiguration.reddit(name: "short", subreddit: "a"),
        SourceConfiguration.reddit(name: "long", subreddit: String(repeating: "a", count: 22)),
        SourceConfiguration.reddit(name: "slash", subreddit: "r/swift"),
        SourceConfiguration.reddit(name: "dash", subreddit: "swift-lang"),
        SourceConfiguration.reddit(name: "unicode", subreddit: "swiftü"),
        SourceConfiguration(kind: .reddit, name: "none"),
        SourceConfiguration(kind: .reddit, name: "both", subreddit: "swift", feedURL: "https://example.org/rss"),
        SourceConfiguration.feed(name: "ftp", url: "ftp://example.org/rss"),
        SourceConfiguration.feed(name: "file", url: "file:///etc/passwd"),
        SourceConfiguration.feed(name: "relative", url: "/rss.xml"),
        SourceConfiguration.feed(name: "credentials", url: "https://user:secret@example.org/rss"),
        SourceConfiguration.feed(name: " padded", url: "https://example.org/rss"),
        SourceConfiguration.feed(name: "", url: "https://example.org/rss"),
        SourceConfiguration.feed(name: "fast", url: "https://example.org/rss", pollInterval: .seconds(1)),
        SourceConfiguration.feed(name: "none", url: "https://example.org/rss", maxItemsPerPoll: 0),
        SourceConfiguration.feed(name: "many", url: "https://example.org/rss", maxItemsPerPoll: 1_001),
    ])
    func invalid(_ configuration: SourceConfiguration) {
        #expect(throws: ValenceError.self) { try configuration.validate() }
    }

    @Test("the reason names the problem")
    func reason() {
        #expect(throws: ValenceError.invalidInput("a Reddit source needs a subreddit name of 2–21 letters, digits or underscores")) {
            try SourceConfiguration.reddit(name: "x", subreddit: "a b").validate()
        }
    }

    @Test("an author is stored only as its SHA-256")
    func authorHash() {
        #expect(SourceItem.authorHash(of: "alice") == "2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90")
        #expect(SourceItem.authorHash(of: "") == nil)
        #expect(SourceItem.authorHash(of: nil) == nil)
    }
}
