import Foundation
import ValenceStorage

/// A job as the API shows it.
struct JobBody: Encodable {
    var id: String
    var state: String
    var model: String?
    var source: String?
    var inputFormat: String
    var counts: Counts
    var progress: Double
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?
    var error: String?

    struct Counts: Encodable {
        var total: Int
        var pending: Int
        var running: Int
        var done: Int
        var failed: Int
    }

    init(_ job: Job) {
        id = job.id.uuidString.lowercased()
        state = job.state.rawValue
        model = job.model
        source = job.source
        inputFormat = job.inputFormat.rawValue
        counts = Counts(total: job.counts.total, pending: job.counts.pending, running: job.counts.leased,
                        done: job.counts.done, failed: job.counts.failed)
        progress = (job.progress * 10_000).rounded() / 10_000
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
        error = job.error
    }

    enum CodingKeys: String, CodingKey {
        case id, state, model, source, counts, progress, error
        case inputFormat = "input_format", createdAt = "created_at", startedAt = "started_at", finishedAt = "finished_at"
    }
}

/// GET /jobs.
struct JobPageBody: Encodable {
    var jobs: [JobBody]
    var page: Int
    var pageSize: Int
    var total: Int

    init(_ page: JobPage) {
        jobs = page.jobs.map(JobBody.init)
        self.page = page.page
        pageSize = page.pageSize
        total = page.totalJobs
    }

    enum CodingKeys: String, CodingKey {
        case jobs, page, total
        case pageSize = "page_size"
    }
}
