/// What a source item is: a post (a Reddit post, a feed entry) or a comment on a post.
public enum SourceItemKind: String, Sendable, Equatable, Codable, CaseIterable {
    case post
    case comment
}
