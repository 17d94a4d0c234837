import Foundation
import Testing
@testable import ValenceSources
import ValenceStorage

@Suite("Feed parsing")
struct FeedDocumentTests {
    let sourceID = UUID()
    let fetchedAt = Date(timeIntervalSince1970: 1_750_000_000)

    func items(_ document: String) throws -> [SourceItem] {
        try FeedDocument.items(from: Data(document.utf8), url: "https://feed.example.org/rss", sourceID: sourceID, fetchedAt: fetchedAt)
    }

    @Test("RSS 2.0: guid or link as id, CDATA and escaped HTML to text, RFC 822 dates, dc:creator / author")
    func rss() throws {
        let parsed = try items(FeedFixtures.rss)
        let onlyBody = "Only a body, no id, link, title or date."
        #expect(parsed == [
            SourceItem(sourceID: sourceID, externalID: "urn:example:1", kind: .post,
                       text: "Swift 6 & concurrency\n\nData-race safety is great & fast.",
                       authorHash: SourceItem.authorHash(of: "Jane Doe"), createdAt: Date(timeIntervalSince1970: 1_055_217_600),
                       link: "https://news.example.org/swift-6"),
            SourceItem(sourceID: sourceID, externalID: "https://news.example.org/entities", kind: .post,
                       text: "Entities – decoded — here\n\nCafé & crème tastes bad",
                       authorHash: SourceItem.authorHash(of: "editor@example.org (Editor)"),
                       createdAt: Date(timeIntervalSince1970: 1_704_187_800), link: "https://news.example.org/entities"),
            SourceItem(sourceID: sourceID, externalID: "sha256:" + TextHash.sha256Hex(onlyBody), kind: .post, text: onlyBody,
                       authorHash: nil, createdAt: fetchedAt, link: nil),
        ])
    }

    @Test("Atom: id, alternate link, html and xhtml bodies, RFC 3339 dates, author name")
    func atom() throws {
        let parsed = try items(FeedFixtures.atom)
        #expect(parsed == [
            SourceItem(sourceID: sourceID, externalID: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", kind: .post,
                       text: "Release notes\n\nWe are thrilled.", authorHash: SourceItem.authorHash(of: "Sam Writer"),
                       createdAt: Date(timeIntervalSince1970: 1_709_104_530.25), link: "https://blog.example.org/entries/1"),
            SourceItem(sourceID: sourceID, externalID: "https://blog.example.org/entries/2", kind: .post,
                       text: "XHTML content\n\nTerrible news.", authorHash: nil,
                       createdAt: Date(timeIntervalSince1970: 1_709_366_400), link: "https://blog.example.org/entries/2"),
        ])
    }

    @Test("malformed XML and documents that are not feeds are malformed payloads")
    func malformed() {
        #expect(throws: SourceFetchError.malformedPayload(url: "https://feed.example.org/rss",
                                                          reason: "neither RSS nor Atom (root element <html>)")) {
            try items(FeedFixtures.html)
        }
        do {
            _ = try items(FeedFixtures.malformed)
            Issue.record("malformed XML parsed")
        } catch {
            #expect("\(error)".hasPrefix("https://feed.example.org/rss sent a malformed payload: not well-formed XML near line 2"))
        }
        #expect(throws: SourceFetchError.self) { try items("") }
    }

    @Test("HTML to text: tags, comments, scripts, references, stray angle brackets")
    func htmlText() {
        #expect(HTMLText.plainText("<p>a<br>b</p><!-- x --><style>p{}</style>c") == "a b c")
        #expect(HTMLText.plainText("1 < 2 &amp;&amp; 3 > 2 &bogus; &#128512; &#xe9;") == "1 < 2 && 3 > 2 &bogus; 😀 é")
        #expect(HTMLText.plainText("plain  text\n\twith space") == "plain text with space")
    }

    @Test("dates: RFC 822 variants and RFC 3339 with offsets and fractions")
    func dates() {
        #expect(InternetDate.rfc822("Tue, 10 Jun 2003 04:00:00 GMT") == Date(timeIntervalSince1970: 1_055_217_600))
        #expect(InternetDate.rfc822("10 Jun 03 00:00:00 EDT") == Date(timeIntervalSince1970: 1_055_217_600))
        #expect(InternetDate.rfc822("Tue, 10 June 2003 06:00 +0200") == Date(timeIntervalSince1970: 1_055_217_600))
        #expect(InternetDate.rfc822("yesterday") == nil)
        #expect(InternetDate.rfc3339("2003-06-10T04:00:00Z") == Date(timeIntervalSince1970: 1_055_217_600))
        #expect(InternetDate.rfc3339("2003-06-10T06:00:00.5+02:00") == Date(timeIntervalSince1970: 1_055_217_600.5))
        #expect(InternetDate.rfc3339("2003-06-10") == nil)
    }
}
