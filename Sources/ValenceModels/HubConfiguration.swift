import Foundation

/// Where and how models are pulled from a HuggingFace-compatible hub (DESIGN.md sections 3 and 10).
///
/// Keys: `HF_ENDPOINT` (default `https://huggingface.co`), `HF_TOKEN` (optional bearer token),
/// `HF_HUB_OFFLINE` (`1`/`true`/`yes`/`on` → cache only), `VALENCE_MODEL_CACHE` (cache root).
public struct HubConfiguration: Sendable, Equatable {
    /// The public hub, used when `HF_ENDPOINT` is unset.
    public static let defaultEndpoint = URL(string: "https://huggingface.co")!

    /// The hub's base URL (scheme, host, optional port and path prefix).
    public var endpoint: URL
    /// Sent as `Authorization: Bearer …` to the hub's own origin only.
    public var token: String?
    /// When true nothing is fetched: only complete models already in the cache are used.
    public var offline: Bool
    /// The folder holding every downloaded model.
    public var cacheRoot: URL
    /// How long establishing a connection may take.
    public var connectTimeout: Duration
    /// How long a response may stay silent (head or between body chunks) before the transfer fails.
    public var readTimeout: Duration

    /// A configuration from explicit values; throws `HubError.invalidEndpoint` unless the endpoint is http(s) with a host.
    public init(
        endpoint: URL = HubConfiguration.defaultEndpoint,
        token: String? = nil,
        offline: Bool = false,
        cacheRoot: URL,
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(30)
    ) throws {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = endpoint.host, !host.isEmpty
        else { throw HubError.invalidEndpoint(endpoint.absoluteString) }
        self.endpoint = endpoint
        self.token = token.flatMap { $0.isEmpty ? nil : $0 }
        self.offline = offline
        self.cacheRoot = cacheRoot.standardizedFileURL
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
    }

    /// Reads the documented environment keys; `defaultCacheRoot` applies when `VALENCE_MODEL_CACHE` is unset or empty.
    public init(environment: [String: String], defaultCacheRoot: URL) throws {
        let endpoint: URL
        if let text = environment["HF_ENDPOINT"], !text.isEmpty {
            guard let url = URL(string: text) else { throw HubError.invalidEndpoint(text) }
            endpoint = url
        } else {
            endpoint = Self.defaultEndpoint
        }
        let offlineValue = environment["HF_HUB_OFFLINE"]?.lowercased() ?? ""
        let cacheRoot = environment["VALENCE_MODEL_CACHE"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
        try self.init(
            endpoint: endpoint,
            token: environment["HF_TOKEN"],
            offline: ["1", "true", "yes", "on"].contains(offlineValue),
            cacheRoot: cacheRoot ?? defaultCacheRoot
        )
    }

    /// True when `url` has the endpoint's scheme, host and port: the only places the token may go.
    func isHubOrigin(_ url: URL) -> Bool {
        url.scheme?.lowercased() == endpoint.scheme?.lowercased()
            && url.host?.lowercased() == endpoint.host?.lowercased()
            && Self.effectivePort(of: url) == Self.effectivePort(of: endpoint)
    }

    private static func effectivePort(of url: URL) -> Int? {
        if let port = url.port { return port }
        switch url.scheme?.lowercased() {
        case "http": return 80
        case "https": return 443
        default: return nil
        }
    }
}
