import Foundation

/// The JSON shape of POST /sources and of the `sources` in a configuration file: `kind`, `name`, `subreddit` or
/// `url`, and optionally `poll_interval_seconds` (300), `include_comments` (true), `max_items_per_poll` (100),
/// `enabled` (true). Decoding does not validate; `validate()` does.
extension SourceConfiguration: Decodable {
    private enum CodingKeys: String, CodingKey {
        case kind, name, subreddit, url, enabled
        case pollIntervalSeconds = "poll_interval_seconds", includeComments = "include_comments"
        case maxItemsPerPoll = "max_items_per_poll"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(SourceKind.self, forKey: .kind),
            name: try container.decode(String.self, forKey: .name),
            subreddit: try container.decodeIfPresent(String.self, forKey: .subreddit),
            feedURL: try container.decodeIfPresent(String.self, forKey: .url),
            pollInterval: .seconds(try container.decodeIfPresent(Int.self, forKey: .pollIntervalSeconds) ?? 300),
            includeComments: try container.decodeIfPresent(Bool.self, forKey: .includeComments) ?? true,
            maxItemsPerPoll: try container.decodeIfPresent(Int.self, forKey: .maxItemsPerPoll) ?? 100,
            enabled: try container.decodeIfPresent(Bool.self, forKey: .enabled) ?? true
        )
    }
}
