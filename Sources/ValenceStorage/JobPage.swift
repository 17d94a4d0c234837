/// One page of jobs, newest first.
public struct JobPage: Sendable, Equatable {
    public var jobs: [Job]
    /// 1-based.
    public var page: Int
    public var pageSize: Int
    /// All jobs stored.
    public var totalJobs: Int

    public init(jobs: [Job], page: Int, pageSize: Int, totalJobs: Int) {
        self.jobs = jobs
        self.page = page
        self.pageSize = pageSize
        self.totalJobs = totalJobs
    }
}
