/// Turns per-chunk byte counts into `DownloadProgress` callbacks for the whole model, at most one every
/// `minimumInterval` (plus one at the start and end of each file).
final class ProgressReporter {
    private let totalBytes: Int64
    private let minimumInterval: Duration
    private let report: @Sendable (DownloadProgress) -> Void
    private let clock = ContinuousClock()
    private var lastReport: ContinuousClock.Instant?
    /// Bytes of the files already finished.
    private var finishedBytes: Int64 = 0

    init(totalBytes: Int64, minimumInterval: Duration = .milliseconds(100),
         report: @escaping @Sendable (DownloadProgress) -> Void) {
        self.totalBytes = totalBytes
        self.minimumInterval = minimumInterval
        self.report = report
    }

    /// Reports that `fileBytes` of `file` are on disk; throttled unless `force` is set.
    func update(file: String, fileBytes: Int64, force: Bool = false) {
        let now = clock.now
        if !force, let lastReport, lastReport.duration(to: now) < minimumInterval { return }
        lastReport = now
        report(DownloadProgress(completedBytes: finishedBytes + fileBytes, totalBytes: totalBytes, file: file))
    }

    /// Reports `file` as finished and counts its bytes as done.
    func finish(file: String, size: Int64) {
        update(file: file, fileBytes: size, force: true)
        finishedBytes += size
    }
}
