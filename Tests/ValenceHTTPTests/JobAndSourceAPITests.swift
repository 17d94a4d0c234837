import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import ValenceTestSupport

@Suite("Gateway API: batch jobs and live sources")
struct JobAndSourceAPITests {
    @Test("a job of texts is queued, scored by the in-process worker, and its results keep input order")
    func textsJob() async throws {
        try await withServeApp { client in
            let id = try await client.execute(uri: "/jobs", method: .post, headers: [.contentType: "application/json"],
                                              body: ByteBuffer(string: #"{"texts": ["I love it", "awful", "the table"], "model": "vader", "source": "survey"}"#)) { response in
                #expect(response.status == .accepted)
                return try json(response.body)["id"] as? String ?? ""
            }
            try await waitUntilSucceeded(id, client)
            try await client.execute(uri: "/jobs/\(id)/results", method: .get) { response in
                let lines = String(buffer: response.body).split(separator: "\n")
                let records = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
                #expect(records.map { $0["text"] as? String } == ["I love it", "awful", "the table"])
                #expect(records.map { $0["sentiment"] as? String } == ["positive", "negative", "neutral"])
            }
            try await client.execute(uri: "/jobs/\(id)/results?format=csv", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("seq,text,sentiment,confidence,model,fallback_used,scores,state,error\n"))
            }
            let newest = try await client.execute(uri: "/jobs?page_size=5", method: .get) { response in
                (try json(response.body)["jobs"] as? [[String: Any]])?.first?["id"] as? String
            }
            #expect(newest == id)
        }
    }

    @Test("a CSV upload keeps its columns in both result formats; a result column replaces an input column of its name")
    func csvJob() async throws {
        try await withServeApp { client in
            let csv = "\u{FEFF}id,body,sentiment\r\n7,\"I love it, really\",gold-pos\r\n8,\"awful\nday\",gold-neg\r\n"
            let id = try await client.execute(uri: "/jobs?text_field=body&model=vader", method: .post,
                                              headers: [.contentType: "text/csv"], body: ByteBuffer(string: csv)) { response in
                #expect(response.status == .accepted)
                let job = try json(response.body)
                #expect(job["input_format"] as? String == "csv")
                return job["id"] as? String ?? ""
            }
            try await waitUntilSucceeded(id, client)
            try await client.execute(uri: "/jobs/\(id)/results", method: .get) { response in
                let records = try String(buffer: response.body).split(separator: "\n").map { line in
                    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                }
                #expect(records.map { $0["id"] as? String } == ["7", "8"])
                #expect(records.map { $0["body"] as? String } == ["I love it, really", "awful\nday"])
                #expect(records.map { $0["sentiment"] as? String } == ["positive", "negative"])
            }
            try await client.execute(uri: "/jobs/\(id)/results?format=csv", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("id,body,sentiment,confidence,model,fallback_used,scores,state,error\n7,\"I love it, really\",positive,"))
                #expect(text.contains("\n8,\"awful\nday\",negative,"))
            }
        }
    }

    @Test("CSV uploads: a short row, a missing text column, a repeated column and no header are rejected naming the line",
          arguments: [
              ("id,text\n1,fine\n2\n", "line 3: expected 2 fields, found 1"),
              ("id,body\n1,x\n", "no column 'text'"),
              ("text,text\n1,x\n", "names column 'text' twice"),
              ("", "empty"),
              ("text\n\"open\n", "line 2: unterminated quoted field"),
          ])
    func badCSV(_ upload: String, _ message: String) async throws {
        try await withServeApp { client in
            try await client.execute(uri: "/jobs?format=csv", method: .post, headers: [.contentType: "application/octet-stream"],
                                     body: ByteBuffer(string: upload)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains(message))
            }
        }
    }

    @Test("JSONL results replace an input field named like a result field and keep the others as sent")
    func jsonlReplacesResultFields() async throws {
        try await withServeApp { client in
            let id = try await client.execute(uri: "/jobs?model=vader", method: .post, headers: [.contentType: "application/x-ndjson"],
                                              body: ByteBuffer(string: "{\"text\": \"great\", \"sentiment\": \"gold\", \"n\": [1, 2]}\n")) { response in
                try json(response.body)["id"] as? String ?? ""
            }
            try await waitUntilSucceeded(id, client)
            try await client.execute(uri: "/jobs/\(id)/results", method: .get) { response in
                let line = String(buffer: response.body)
                #expect(line.hasPrefix("{\"text\": \"great\",\"n\": [1, 2],\"sentiment\":\"positive\""))
                #expect(line.components(separatedBy: "\"sentiment\"").count == 2)
            }
        }
    }

    @Test("a JSONL upload with a bad line is rejected naming it; unknown jobs are 404")
    func badUpload() async throws {
        try await withServeApp { client in
            try await client.execute(uri: "/jobs?text_field=body", method: .post, headers: [.contentType: "application/x-ndjson"],
                                     body: ByteBuffer(string: "{\"body\": \"ok\"}\n{\"other\": 1}\n")) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("line 2"))
            }
            try await client.execute(uri: "/jobs/\(UUID().uuidString)", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/jobs/x/results?format=xml", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("sources are added (validated), listed and removed; management needs the API key when set")
    func sources() async throws {
        try await withServeApp(apiKey: "k") { client in
            let feed = #"{"kind": "feed", "name": "news", "url": "http://127.0.0.1:9/feed.xml", "poll_interval_seconds": 60}"#
            try await post(client, "/sources", feed) { response in #expect(response.status == .unauthorized) }
            let id = try await client.execute(uri: "/sources", method: .post, headers: [.contentType: "application/json", HTTPField.Name("X-API-Key")!: "k"],
                                              body: ByteBuffer(string: feed)) { response in
                #expect(response.status == .created)
                return try json(response.body)["id"] as? String ?? ""
            }
            try await client.execute(uri: "/sources", method: .post, headers: [.contentType: "application/json", HTTPField.Name("X-API-Key")!: "k"],
                                     body: ByteBuffer(string: #"{"kind": "feed", "name": "evil", "url": "file:///etc/passwd"}"#)) { response in
                #expect(response.status == .unprocessableContent)
            }
            let names = try await client.execute(uri: "/sources", method: .get) { response in
                (try json(response.body)["sources"] as? [[String: Any]])?.map { $0["name"] as? String ?? "" }
            }
            #expect(names == ["news"])
            try await client.execute(uri: "/sources/\(id)", method: .delete, headers: [HTTPField.Name("X-API-Key")!: "k"]) { response in
                #expect(response.status == .noContent)
            }
        }
    }
}

/// Polls GET /jobs/{id} (at most 5 s) until the in-process worker finishes the job; expects it succeeded.
private func waitUntilSucceeded(_ id: String, _ client: any TestClientProtocol) async throws {
    var state = ""
    for _ in 0..<200 where state != "succeeded" {
        state = try await client.execute(uri: "/jobs/\(id)", method: .get) { response in
            try json(response.body)["state"] as? String ?? ""
        }
        if state != "succeeded" { try await Task.sleep(for: .milliseconds(25)) }
    }
    #expect(state == "succeeded")
}
