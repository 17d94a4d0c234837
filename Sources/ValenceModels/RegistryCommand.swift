import Foundation

/// Work the registry's `run()` loop performs as a child task.
enum RegistryCommand: Sendable {
    case download(key: String, repository: String, revision: String)
    case load(key: String, directory: URL, generation: Int)
    case background(@Sendable () async -> Void)
}
