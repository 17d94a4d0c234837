import AsyncHTTPClient
import Foundation
import NIOCore
import Testing
import ValenceTestSupport

/// DESIGN.md section 4 across processes: a gateway in front of model-service processes, one of which is killed
/// with SIGKILL under load. Clients must see no error at all.
/// Runs `body` with a load client for `gateway`, shutting its HTTP client down afterwards.
func withLoadClient(gateway: ValenceProcess, _ body: (LoadClient) async throws -> Void) async throws {
    let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    do {
        try await body(LoadClient(http: http, gateway: gateway.baseURL))
    } catch {
        try? await http.shutdown()
        throw error
    }
    try await http.shutdown()
}

@Suite("Gateway and model services as separate processes", .serialized)
struct GatewayFaultTests {
    static let model = "tiny-bert-wordpiece"
    static let breakerEnvironment = ["FAILSAFE_CIRCUIT_BREAKER_TIMEOUT": "2", "FAILSAFE_MAX_LLM_FAILURES": "3",
                                     "ALERT_INTERVAL_SECONDS": "1"]

    @Test("one replica killed under load: zero errors, fallback flagged, breaker opens, then heals")
    func singleReplicaKilled() async throws {
        try await withTemporaryDirectory { folder in
            let modelDirectory = try TinyModels.directory(Self.model).path
            let service = try await ValenceProcess(
                ["model-service", "--port", "0", "--model-dir", modelDirectory], folder: folder, name: "model-service")
            var restarted: ValenceProcess?
            let gateway = try await ValenceProcess(
                ["gateway", "--port", "0", "--data-dir", folder.path, "--model-service-url", service.baseURL],
                environment: Self.breakerEnvironment, folder: folder, name: "gateway")
            defer { gateway.stop(); service.stop(); restarted?.stop() }
            try await withLoadClient(gateway: gateway) { load in
            try await load.waitForTransformer(model: Self.model, within: .seconds(15))
            let report = try await load.run(clients: 8, for: .milliseconds(3_500)) {
                try await Task.sleep(for: .seconds(1))
                service.kill()
            }
            print("single replica: \(report)")
            #expect(report.failures == 0, "non-200 answers or transport errors: \(report.errors.prefix(5))")
            #expect(report.fallback > 0)
            #expect(report.fallbackModels == ["vader"])
            let afterKill = try await load.json("/failsafe/status")
            #expect((afterKill["activations"] as? Int ?? 0) >= 1)
            let opened = (afterKill["last_transitions"] as? [[String: Any]] ?? []).contains {
                $0["from"] as? String == "closed" && $0["to"] as? String == "open"
            }
            #expect(opened)
            // The transition is stored: /analytics counts it and the breaker-open alert is raised.
            try await load.waitUntil(within: .seconds(5)) {
                (try await load.json("/analytics")["circuit_breaker_activations"] as? Int ?? 0) >= 1
            }
            try await load.waitUntil(within: .seconds(5)) { try await load.alert("breaker_open")?["state"] as? String == "active" }
            let alertID = try #require(try await load.alert("breaker_open")?["id"] as? String)
            let acknowledged = try await load.json("/alerts/\(alertID)/acknowledge", method: .POST)
            #expect(acknowledged["state"] as? String == "acknowledged")

            restarted = try await ValenceProcess(
                ["model-service", "--port", String(service.port), "--model-dir", modelDirectory], folder: folder,
                name: "model-service-2")
            let recovery = try await load.waitForTransformer(model: Self.model, within: .seconds(15))
            print("single replica: transformer answers again \(recovery) after the restart")
            let healed = try await load.json("/failsafe/status")
            #expect(healed["state"] as? String == "closed")
            let transitions = (healed["last_transitions"] as? [[String: Any]] ?? []).map {
                "\($0["from"] as? String ?? "?")->\($0["to"] as? String ?? "?")"
            }
            #expect(transitions.suffix(2) == ["open->half_open", "half_open->closed"], "\(transitions)")
            try await load.waitUntil(within: .seconds(5)) { try await load.alert("breaker_open")?["state"] as? String == "resolved" }
            }
        }
    }

    @Test("two replicas, one killed under load: traffic moves to the other with no fallback")
    func oneOfTwoReplicasKilled() async throws {
        try await withTemporaryDirectory { folder in
            let modelDirectory = try TinyModels.directory(Self.model).path
            let first = try await ValenceProcess(
                ["model-service", "--port", "0", "--model-dir", modelDirectory], folder: folder, name: "replica-1")
            let second = try await ValenceProcess(
                ["model-service", "--port", "0", "--model-dir", modelDirectory], folder: folder, name: "replica-2")
            let gateway = try await ValenceProcess(
                ["gateway", "--port", "0", "--data-dir", folder.path,
                 "--model-service-url", "\(first.baseURL),\(second.baseURL)"],
                environment: Self.breakerEnvironment, folder: folder, name: "gateway")
            defer { gateway.stop(); first.stop(); second.stop() }
            try await withLoadClient(gateway: gateway) { load in
            try await load.waitUntil(within: .seconds(15)) {
                let services = try await load.json("/status")["model_services"] as? [[String: Any]] ?? []
                return services.count == 2 && services.allSatisfy { $0["reachable"] as? Bool == true }
            }
            let report = try await load.run(clients: 8, for: .milliseconds(3_000)) {
                try await Task.sleep(for: .seconds(1))
                first.kill()
            }
            print("two replicas: \(report)")
            #expect(report.failures == 0, "non-200 answers or transport errors: \(report.errors.prefix(5))")
            #expect(report.fallback == 0)
            #expect(report.transformer == report.sent)
            let status = try await load.json("/failsafe/status")
            #expect(status["state"] as? String == "closed")
            }
        }
    }
}

@Suite("Gateway started before its model service")
struct GatewayStartupTests {
    @Test("answers with the fallback meanwhile and uses the service within about a second once it is up")
    func noticesLateModelService() async throws {
        try await withTemporaryDirectory { folder in
            let modelDirectory = try TinyModels.directory(GatewayFaultTests.model).path
            let port = try freePort()
            let gateway = try await ValenceProcess(
                ["gateway", "--port", "0", "--data-dir", folder.path, "--model-service-url", "http://127.0.0.1:\(port)"],
                environment: ["FAILSAFE_CIRCUIT_BREAKER_TIMEOUT": "60"], folder: folder, name: "gateway")
            var service: ValenceProcess?
            defer { gateway.stop(); service?.stop() }
            try await withLoadClient(gateway: gateway) { load in
                let early = try await load.run(clients: 2, for: .milliseconds(500)) {}
                #expect(early.failures == 0)
                #expect(early.fallback == early.sent)
                service = try await ValenceProcess(
                    ["model-service", "--port", String(port), "--model-dir", modelDirectory], folder: folder, name: "model-service")
                // The breaker opened on the early failures with a 60 s timeout: only the health check can heal it this fast.
                let noticed = try await load.waitForTransformer(model: GatewayFaultTests.model, within: .seconds(5))
                print("late model service: used \(noticed) after it started listening")
                #expect(noticed < .seconds(3))
            }
        }
    }
}

/// A port nothing listens on right now (bound once, then released).
func freePort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw LoadError("socket() failed") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
        }
    }
    guard bound else { throw LoadError("bind() failed") }
    return Int(UInt16(bigEndian: address.sin_port))
}
