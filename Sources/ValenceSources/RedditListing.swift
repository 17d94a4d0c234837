/// The parts of Reddit's JSON listings the Reddit client reads: `{"kind": "Listing", "data": {"after", "children"}}`
/// whose children are `{"kind": "t3" | "t1" | "more", "data": {…}}`.
struct RedditListing: Decodable, Sendable {
    struct Page: Decodable, Sendable {
        var after: String?
        var children: [RedditThing]
    }

    var data: Page
}

/// One child of a listing: a post (`t3`), a comment (`t1`) or a "load more" stub (`more`, skipped).
struct RedditThing: Decodable, Sendable {
    struct Fields: Decodable, Sendable {
        var id: String?
        var name: String?
        var title: String?
        var selftext: String?
        var body: String?
        var author: String?
        var createdUTC: Double?
        var permalink: String?
        /// A comment's replies: a listing, or `""` when there are none.
        var replies: RedditListing?

        enum CodingKeys: String, CodingKey {
            case id, name, title, selftext, body, author, permalink, replies
            case createdUTC = "created_utc"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            title = try container.decodeIfPresent(String.self, forKey: .title)
            selftext = try container.decodeIfPresent(String.self, forKey: .selftext)
            body = try container.decodeIfPresent(String.self, forKey: .body)
            author = try container.decodeIfPresent(String.self, forKey: .author)
            createdUTC = try container.decodeIfPresent(Double.self, forKey: .createdUTC)
            permalink = try container.decodeIfPresent(String.self, forKey: .permalink)
            replies = try? container.decodeIfPresent(RedditListing.self, forKey: .replies)
        }
    }

    var kind: String
    var data: Fields
}
