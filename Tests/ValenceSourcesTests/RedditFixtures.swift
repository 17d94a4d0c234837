import Foundation

/// Reddit JSON as the public listing endpoints serve it, reduced to the fields the client reads.
enum RedditFixtures {
    static func post(_ id: String, title: String, selftext: String = "", author: String = "alice", created: Double = 1_700_000_000) -> String {
        """
        {"kind": "t3", "data": {"id": "\(id)", "name": "t3_\(id)", "title": "\(title)", "selftext": "\(selftext)",
         "author": "\(author)", "created_utc": \(created), "permalink": "/r/swift/comments/\(id)/post/", "score": 3}}
        """
    }

    static func comment(_ id: String, body: String, author: String = "bob", replies: [String] = []) -> String {
        let repliesJSON = replies.isEmpty ? "\"\"" : listing(replies)
        return """
            {"kind": "t1", "data": {"id": "\(id)", "name": "t1_\(id)", "body": "\(body)", "author": "\(author)",
             "created_utc": 1700000100.0, "permalink": "/r/swift/comments/p/post/\(id)/", "replies": \(repliesJSON)}}
            """
    }

    static let more = #"{"kind": "more", "data": {"count": 3, "children": ["x1", "x2"]}}"#

    static func listing(_ children: [String], after: String? = nil) -> String {
        let afterJSON = after.map { "\"\($0)\"" } ?? "null"
        return #"{"kind": "Listing", "data": {"after": \#(afterJSON), "dist": \#(children.count), "children": [\#(children.joined(separator: ","))]}}"#
    }

    /// The `/comments/{id}.json` answer: the post's own listing, then its comment tree.
    static func thread(post: String, comments: [String]) -> String {
        "[\(listing([post])), \(listing(comments))]"
    }
}
