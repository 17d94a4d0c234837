import Foundation
import ValenceStorage

/// Reads the items of an RSS 2.0 (or 1.0) or Atom document as `SourceItem`s. Text is the title and the
/// body (description / summary / content) as plain text; an entry without an id falls back to its link, then to
/// a hash of its text; one without a date gets `fetchedAt`; one with no text at all is skipped.
enum FeedDocument {
    /// The items of `data`, in document order; throws `SourceFetchError.malformedPayload` for anything that is
    /// not a well-formed RSS or Atom document.
    static func items(from data: Data, url: String, sourceID: UUID, fetchedAt: Date) throws -> [SourceItem] {
        let root: FeedXMLElement
        do {
            root = try FeedXMLTreeBuilder.parse(data)
        } catch {
            throw SourceFetchError.malformedPayload(url: url, reason: error.description)
        }
        switch root.localName {
        case "rss", "RDF":
            return root.descendants("item").compactMap { rssItem($0, sourceID: sourceID, fetchedAt: fetchedAt) }
        case "feed":
            return root.children("entry").compactMap { atomEntry($0, sourceID: sourceID, fetchedAt: fetchedAt) }
        default:
            throw SourceFetchError.malformedPayload(url: url, reason: "neither RSS nor Atom (root element <\(root.name)>)")
        }
    }

    private static func rssItem(_ item: FeedXMLElement, sourceID: UUID, fetchedAt: Date) -> SourceItem? {
        let link = item.value("link")
        let date = item.value("pubDate").flatMap(InternetDate.parse) ?? item.value("dc:date").flatMap(InternetDate.parse)
        return makeItem(sourceID: sourceID, id: item.value("guid") ?? link, title: item.value("title"),
                        body: item.value("description") ?? item.value("content:encoded"),
                        author: item.value("author") ?? item.value("dc:creator"), date: date ?? fetchedAt, link: link)
    }

    private static func atomEntry(_ entry: FeedXMLElement, sourceID: UUID, fetchedAt: Date) -> SourceItem? {
        let links = entry.children("link")
        let link = (links.first { ($0.attributes["rel"] ?? "alternate") == "alternate" } ?? links.first)?.attributes["href"]
        let date = (entry.value("published") ?? entry.value("updated")).flatMap(InternetDate.parse)
        return makeItem(sourceID: sourceID, id: entry.value("id") ?? link, title: entry.value("title"),
                        body: entry.value("summary") ?? entry.value("content"),
                        author: entry.child("author")?.value("name"), date: date ?? fetchedAt, link: link)
    }

    private static func makeItem(sourceID: UUID, id: String?, title: String?, body: String?, author: String?,
                                 date: Date, link: String?) -> SourceItem? {
        let parts = [title, body].compactMap { $0.map(HTMLText.plainText) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        let text = parts.joined(separator: "\n\n")
        return SourceItem(sourceID: sourceID, externalID: id ?? "sha256:" + TextHash.sha256Hex(text), kind: .post,
                          text: text, authorHash: SourceItem.authorHash(of: author), createdAt: date, link: link)
    }
}
