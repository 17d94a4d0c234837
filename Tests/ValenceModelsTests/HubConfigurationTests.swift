import Foundation
import Testing
@testable import ValenceModels

@Suite("Hub configuration from the environment")
struct HubConfigurationTests {
    let fallback = URL(fileURLWithPath: "/var/lib/valence/models")

    @Test("defaults: the public hub, no token, online, the caller's cache root")
    func defaults() throws {
        let configuration = try HubConfiguration(environment: [:], defaultCacheRoot: fallback)
        #expect(configuration.endpoint.absoluteString == "https://huggingface.co")
        #expect(configuration.token == nil)
        #expect(!configuration.offline)
        #expect(configuration.cacheRoot == fallback)
    }

    @Test("HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE and VALENCE_MODEL_CACHE are read")
    func overrides() throws {
        let configuration = try HubConfiguration(environment: [
            "HF_ENDPOINT": "http://127.0.0.1:8000", "HF_TOKEN": "hf_abc", "HF_HUB_OFFLINE": "1",
            "VALENCE_MODEL_CACHE": "/data/models/../models",
        ], defaultCacheRoot: fallback)
        #expect(configuration.endpoint.absoluteString == "http://127.0.0.1:8000")
        #expect(configuration.token == "hf_abc")
        #expect(configuration.offline)
        #expect(configuration.cacheRoot.path == "/data/models")
    }

    @Test("empty values fall back to defaults", arguments: ["0", "", "false"])
    func emptyValues(offlineValue: String) throws {
        let configuration = try HubConfiguration(environment: [
            "HF_ENDPOINT": "", "HF_TOKEN": "", "HF_HUB_OFFLINE": offlineValue, "VALENCE_MODEL_CACHE": "",
        ], defaultCacheRoot: fallback)
        #expect(configuration.endpoint == HubConfiguration.defaultEndpoint)
        #expect(configuration.token == nil && !configuration.offline && configuration.cacheRoot == fallback)
    }

    @Test("an endpoint that is not http(s) with a host is rejected", arguments: ["ftp://hub", "huggingface.co", "http://"])
    func invalidEndpoint(endpoint: String) {
        #expect(throws: HubError.self) {
            try HubConfiguration(environment: ["HF_ENDPOINT": endpoint], defaultCacheRoot: fallback)
        }
    }

    @Test("the token's origin is the endpoint's scheme, host and port")
    func hubOrigin() throws {
        let configuration = try HubConfiguration(environment: [:], defaultCacheRoot: fallback)
        #expect(configuration.isHubOrigin(URL(string: "https://huggingface.co/api/models/x")!))
        #expect(configuration.isHubOrigin(URL(string: "https://HuggingFace.co:443/x")!))
        #expect(!configuration.isHubOrigin(URL(string: "https://cdn-lfs.huggingface.co/x")!))
        #expect(!configuration.isHubOrigin(URL(string: "http://huggingface.co/x")!))
        #expect(!configuration.isHubOrigin(URL(string: "https://huggingface.co.evil.example/x")!))
    }
}
