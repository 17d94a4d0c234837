import Foundation
import Logging
import ValenceTestSupport
@testable import ValenceModels

/// A store on `hub` caching under `root`, shut down after `body` whether it throws or not.
@discardableResult
func withStore<Result>(
    hub: FakeHub, root: URL, token: String? = nil, offline: Bool = false,
    readTimeout: Duration = .seconds(30),
    _ body: (HubModelStore) async throws -> Result
) async throws -> Result {
    let configuration = try HubConfiguration(
        endpoint: hub.endpoint, token: token, offline: offline,
        cacheRoot: root, connectTimeout: .seconds(10), readTimeout: readTimeout)
    let store = HubModelStore(configuration: configuration, logger: Logger(label: "valence.tests.hub", factory: { _ in SwiftLogNoOpLogHandler() }))
    do {
        let result = try await body(store)
        try await store.shutdown()
        return result
    } catch {
        try await store.shutdown()
        throw error
    }
}

/// Collects progress reports from the `@Sendable` callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [DownloadProgress] = []

    func record(_ progress: DownloadProgress) {
        lock.withLock { reports.append(progress) }
    }

    var all: [DownloadProgress] { lock.withLock { reports } }
}

/// Every path under `folder`, relative to it.
func allFiles(under folder: URL) -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    return (enumerator?.allObjects as? [String] ?? []).sorted()
}
