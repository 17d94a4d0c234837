import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// Batch jobs (DESIGN.md section 6): POST /jobs with `{"texts": [...]}` or a JSONL or CSV upload streamed into the
/// database, GET /jobs (paged), GET /jobs/{id}, GET /jobs/{id}/results (JSONL or CSV, streamed), POST
/// /jobs/{id}/cancel. Workers (`valence worker`, or the one inside `valence serve`) do the scoring.
struct JobRoutes {
    let services: APIServices
    /// Items appended per database round trip while an upload streams in.
    let appendBatch = 1_000

    struct TextsBody: Decodable {
        var texts: [String]
        var model: String?
        var source: String?
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.post("/jobs") { request, _ in try await submit(request) }
        router.get("/jobs") { request, _ in
            let parameters = request.uri.queryParameters
            let page = try await databaseCall {
                try await services.jobs.list(page: parameters.get("page", as: Int.self) ?? 1,
                                             pageSize: parameters.get("page_size", as: Int.self) ?? 50)
            }
            return try JSONResponse.encode(JobPageBody(page))
        }
        router.get("/jobs/:id") { _, context in
            let id = try resourceID(context.parameters.get("id"), of: "job")
            return try JSONResponse.encode(JobBody(try await databaseCall { try await services.jobs.job(id) }))
        }
        router.post("/jobs/:id/cancel") { _, context in
            let id = try resourceID(context.parameters.get("id"), of: "job")
            return try JSONResponse.encode(JobBody(try await databaseCall { try await services.jobs.cancel(id, now: Date()) }))
        }
        router.get("/jobs/:id/results") { request, context in
            let id = try resourceID(context.parameters.get("id"), of: "job")
            let job = try await databaseCall { try await services.jobs.job(id) }
            let name = request.uri.queryParameters.get("format") ?? "jsonl"
            guard let format = JobResultFormat(rawValue: name) else {
                throw ValenceError.invalidInput("'format' must be jsonl or csv, not '\(name)'")
            }
            return streamResults(of: job, with: JobResultWriter(format: format, job: job))
        }
    }

    /// `application/json` → `{"texts", "model"?, "source"?}`. Anything else is an uploaded file, streamed: CSV
    /// when `?format=csv` or the content type is `text/csv`, else JSONL (or `?format=jsonl`); the text is in the
    /// `text_field` query parameter's column or field (default `text`), with `model` and `source` as query
    /// parameters.
    private func submit(_ request: Request) async throws -> Response {
        let parameters = request.uri.queryParameters
        let contentType = request.headers[.contentType] ?? ""
        let format = parameters.get("format")
        if format == nil, contentType.hasPrefix("application/json") {
            return try await submitTexts(request)
        }
        let field = parameters.get("text_field") ?? "text"
        var upload: any JobUpload
        switch format ?? (contentType.hasPrefix("text/csv") ? "csv" : "jsonl") {
        case "csv": upload = CSVUpload(textField: field)
        case "jsonl": upload = JSONLUpload(textField: field)
        case let other: throw ValenceError.invalidInput("'format' must be jsonl or csv, not '\(other)'")
        }
        let job = try await databaseCall {
            try await services.jobs.createJob(NewJob(model: parameters.get("model"), source: parameters.get("source"),
                                                     inputFormat: upload.format, textField: field))
        }
        var pending: [NewJobItem] = []
        do {
            for try await chunk in request.body {
                pending += try upload.consume(chunk)
                if pending.count >= appendBatch {
                    let batch = pending
                    pending = []
                    try await databaseCall { try await services.jobs.appendItems(batch, to: job.id) }
                }
            }
            pending += try upload.finish()
            let batch = pending
            try await databaseCall { try await services.jobs.appendItems(batch, to: job.id) }
        } catch {
            _ = try? await services.jobs.cancel(job.id, now: Date())  // a rejected upload never runs
            throw error
        }
        return try await seal(job.id, total: upload.count, inputColumns: upload.columns)
    }

    private func submitTexts(_ request: Request) async throws -> Response {
        let body = try await request.decodeJSONBody(as: TextsBody.self, limit: services.limits.maxJobBodyBytes)
        let job = try await databaseCall {
            try await services.jobs.createJob(NewJob(model: body.model, source: body.source, inputFormat: .texts))
        }
        var start = 0
        while start < body.texts.count {
            let end = min(start + appendBatch, body.texts.count)
            let items = (start..<end).map { NewJobItem(seq: $0, text: body.texts[$0]) }
            try await databaseCall { try await services.jobs.appendItems(items, to: job.id) }
            start = end
        }
        return try await seal(job.id, total: body.texts.count, inputColumns: nil)
    }

    private func seal(_ id: UUID, total: Int, inputColumns: [String]?) async throws -> Response {
        let job = try await databaseCall {
            try await services.jobs.seal(id, total: total, inputColumns: inputColumns, now: Date())
        }
        return try JSONResponse.encode(JobBody(job), status: .accepted)
    }

    private func streamResults(of job: Job, with rows: JobResultWriter) -> Response {
        let jobs = services.jobs
        let body = ResponseBody { writer in
            if let header = rows.header { try await writer.write(ByteBuffer(string: header)) }
            var after: Int?
            while true {
                let page = try await jobs.results(job.id, afterSeq: after, limit: 1_000)
                guard let last = page.last else { break }
                var text = ""
                for item in page { rows.append(item, to: &text) }
                try await writer.write(ByteBuffer(string: text))
                after = last.seq
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: rows.format.contentType], body: body)
    }
}
