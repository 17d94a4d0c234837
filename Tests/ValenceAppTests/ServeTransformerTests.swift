import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValenceApp
import ValenceDatabase
import ValenceStorage
import ValenceTestSupport

@Suite("valence serve with a --model-dir transformer")
struct ServeTransformerTests {
    @Test("a job queued before the start is scored by the folder's model once loaded, not by the fallback")
    func jobWaitsForTheModel() async throws {
        try await withTemporaryDirectory { directory in
            // Queued before the process starts, so its worker's very first round finds it while the model loads.
            let database = try await SQLiteDatabaseService.open(path: directory.appendingPathComponent("valence.sqlite").path, logger: .quiet)
            let jobs = SQLJobRepository(database: database.database)
            let job = try await jobs.createJob(NewJob(model: "tiny-bert-wordpiece"))
            try await jobs.appendItems(["good", "bad", "fine"].enumerated().map { NewJobItem(seq: $0.offset, text: $0.element) }, to: job.id)
            try await jobs.seal(job.id, total: 3, now: Date())
            try await database.close()
            let id = job.id.uuidString.lowercased()
            var configuration = ServeConfiguration(dataDirectory: directory)
            configuration.modelFolders = [ModelFolder(url: try TinyModels.directory("tiny-bert-wordpiece"))]
            let app = try await buildApplication(configuration: configuration, logger: .quiet)
            try await app.test(.live) { client in
                var state = ""
                for _ in 0..<400 where state != "succeeded" {
                    try await Task.sleep(for: .milliseconds(25))
                    state = try await client.execute(uri: "/jobs/\(id)", method: .get) { try json($0.body)["state"] as? String ?? "" }
                }
                #expect(state == "succeeded")
                try await client.execute(uri: "/jobs/\(id)/results", method: .get) { response in
                    let lines = String(buffer: response.body).split(separator: "\n")
                    #expect(lines.count == 3)
                    for line in lines {
                        #expect(line.contains(#""model":"tiny-bert-wordpiece""#) && line.contains(#""fallback_used":false"#), "\(line)")
                    }
                }
            }
        }
    }

    private func withApp(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            var configuration = ServeConfiguration(dataDirectory: directory)
            configuration.modelFolders = [ModelFolder(url: try TinyModels.directory("tiny-bert-wordpiece"))]
            let app = try await buildApplication(configuration: configuration, logger: .quiet)
            // Live: the app's services run, and they load the folder in the background.
            try await app.test(.live) { client in
                try await waitUntilReady(client)
                try await body(client)
            }
        }
    }

    private func waitUntilReady(_ client: any TestClientProtocol) async throws {
        for _ in 0..<200 {
            let ready = try await client.execute(uri: "/status", method: .get) { response in
                let models = try json(response.body)["models"] as? [[String: Any]] ?? []
                return models.contains { $0["key"] as? String == "tiny-bert-wordpiece" && $0["state"] as? String == "ready" }
            }
            if ready { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        Issue.record("the model did not become ready")
    }

    private func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test("the folder answers by default, with its labels, without fallback, matching PyTorch")
    func predictsWithFolder() async throws {
        let expected = try #require(try TinyModels.expected("tiny-bert-wordpiece").first { !$0.text.isEmpty })
        try await withApp { client in
            let body = try JSONSerialization.data(withJSONObject: ["text": expected.text])
            try await client.execute(uri: "/predict", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: body)) { response in
                #expect(response.status == .ok)
                let answer = try json(response.body)
                #expect(answer["model_used"] as? String == "tiny-bert-wordpiece")
                #expect(answer["fallback_used"] as? Bool == false)
                let scores = try #require(answer["scores"] as? [String: Double])
                #expect(Set(scores.keys) == ["negative", "neutral", "positive"])
                for (label, probability) in zip(["negative", "neutral", "positive"], expected.probabilities) {
                    #expect(abs(scores[label]! - Double(probability)) <= 1e-4)
                }
            }
            try await client.execute(uri: "/status", method: .get) { response in
                let models = try #require(try json(response.body)["models"] as? [[String: Any]])
                #expect(models.contains { $0["key"] as? String == "tiny-bert-wordpiece" && $0["state"] as? String == "ready" })
            }
        }
    }

    @Test("a batch is scored by the folder in order")
    func batch() async throws {
        let expected = Array(try TinyModels.expected("tiny-bert-wordpiece").prefix(10))
        try await withApp { client in
            let body = try JSONSerialization.data(withJSONObject: ["texts": expected.map(\.text)])
            try await client.execute(uri: "/predict/batch", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(bytes: body)) { response in
                let results = try #require(try json(response.body)["results"] as? [[String: Any]])
                #expect(results.count == expected.count)
                for (result, reference) in zip(results, expected) {
                    let positive = (result["scores"] as? [String: Double])?["positive"] ?? -1
                    #expect(abs(positive - Double(reference.probabilities[2])) <= 1e-4)
                }
            }
        }
    }
}
