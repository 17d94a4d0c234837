import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import ValenceApp

/// `valence jobs submit|status|results`: batch jobs through a running gateway or `valence serve`.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "Submit batch jobs and fetch their results from a running Valence API.",
        subcommands: [Submit.self, Status.self, Results.self]
    )

    struct APIOptions: ParsableArguments {
        @Option(help: "The Valence API (a gateway or `valence serve`).") var url = "http://127.0.0.1:8080"
    }

    struct Submit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "submit", abstract: "Upload a JSONL or CSV file as a job (streamed); prints the job id.")
        @Argument(help: "A JSONL file (one JSON object per line) or a CSV file with a header row.") var file: String
        @Option(help: "jsonl or csv (default: from the file's extension, else jsonl).") var format: RecordFormat?
        @Option(name: .customLong("text-field"), help: "The field (JSONL) or column (CSV) holding the text.") var textField = "text"
        @Option(help: "The model key (default: the service's default).") var model: String?
        @Option(help: "A source label stored with every prediction.") var source: String?
        @Flag(help: "Wait for the job to finish, with a progress bar on stderr.") var wait = false
        @OptionGroup var api: APIOptions

        func run() async throws {
            try await withClient { client in
                guard let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int else {
                    throw fail("cannot read '\(file)'")
                }
                let format = format ?? RecordFormat.inferred(fromPath: file)
                var query = "format=\(format.rawValue)&text_field=\(Self.escaped(textField))"
                if let model { query += "&model=\(Self.escaped(model))" }
                if let source { query += "&source=\(Self.escaped(source))" }
                var request = HTTPClientRequest(url: api.url + "/jobs?" + query)
                request.method = .POST
                request.headers.add(name: "Content-Type", value: format == .csv ? "text/csv" : "application/x-ndjson")
                request.body = .stream(FileChunks(path: file), length: .known(Int64(size)))
                let job = try await client.json(request, expect: 202)
                let id = job["id"] as? String ?? "?"
                print(id)
                if wait { try await Self.follow(id, client: client, api: api.url) }
            }
        }

        static func escaped(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? text
        }

        /// Polls the job until it ends, drawing its progress.
        static func follow(_ id: String, client: HTTPClient, api: String) async throws {
            var last: [String: Any] = [:]
            while true {
                last = try await client.json(HTTPClientRequest(url: api + "/jobs/\(id)"), expect: 200)
                let counts = last["counts"] as? [String: Any] ?? [:]
                let done = (counts["done"] as? Int ?? 0) + (counts["failed"] as? Int ?? 0)
                let total = counts["total"] as? Int ?? 0
                if isatty(STDERR_FILENO) != 0 {
                    let filled = total > 0 ? done * 30 / total : 0
                    printError("\u{1B}[1A\u{1B}[K  \(done) / \(total) items  [" + String(repeating: "#", count: filled)
                               + String(repeating: ".", count: 30 - filled) + "]")
                }
                let state = last["state"] as? String ?? ""
                if !["queued", "running"].contains(state) { break }
                try await Task.sleep(for: .milliseconds(500))
            }
            let state = last["state"] as? String ?? "?"
            printError("job \(id) \(state)" + ((last["error"] as? String).map { ": \($0)" } ?? ""))
            if state != "succeeded" { throw ExitCode.failure }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "status", abstract: "Print a job's state as JSON.")
        @Argument(help: "The job id.") var id: String
        @OptionGroup var api: APIOptions

        func run() async throws {
            try await withClient { client in
                let response = try await client.execute(HTTPClientRequest(url: api.url + "/jobs/\(id)"), timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 1 << 20)
                print(String(buffer: body))
                if response.status != .ok { throw ExitCode.failure }
            }
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "results", abstract: "Download a job's results (streamed).")
        @Argument(help: "The job id.") var id: String
        @Option(help: "jsonl or csv.") var format = "jsonl"
        @Option(help: "Output file (default stdout).") var output: String?
        @OptionGroup var api: APIOptions

        func run() async throws {
            try await withClient { client in
                let response = try await client.execute(
                    HTTPClientRequest(url: api.url + "/jobs/\(id)/results?format=\(format)"), timeout: .hours(1))
                guard response.status == .ok else {
                    throw fail("HTTP \(response.status.code): \(String(buffer: try await response.body.collect(upTo: 1 << 20)))")
                }
                let handle: FileHandle
                if let output {
                    do {
                        handle = try OutputFile.open(output)
                    } catch {
                        throw fail("\(error)")
                    }
                } else {
                    handle = FileHandle.standardOutput
                }
                for try await chunk in response.body { handle.write(Data(buffer: chunk)) }
            }
        }
    }
}

/// Runs `body` with an HTTP client, shut down afterwards.
private func withClient(_ body: (HTTPClient) async throws -> Void) async throws {
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    do {
        try await body(client)
    } catch {
        try? await client.shutdown()
        throw error
    }
    try await client.shutdown()
}

private extension HTTPClient {
    /// Sends `request` and decodes a JSON object; another status than `expect` fails with the API's message.
    func json(_ request: HTTPClientRequest, expect: Int) async throws -> [String: Any] {
        let response = try await execute(request, timeout: .minutes(30))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard Int(response.status.code) == expect,
              let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else {
            throw fail("HTTP \(response.status.code): \(String(buffer: body))")
        }
        return object
    }
}

/// A file read in 1 MiB chunks for a streamed upload.
struct FileChunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let path: String

    struct AsyncIterator: AsyncIteratorProtocol {
        let handle: FileHandle?

        mutating func next() async throws -> ByteBuffer? {
            guard let data = try handle?.read(upToCount: 1 << 20), !data.isEmpty else { return nil }
            return ByteBuffer(bytes: data)
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(handle: FileHandle(forReadingAtPath: path))
    }
}
