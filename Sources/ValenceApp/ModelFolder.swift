import Foundation

/// A HuggingFace-layout classifier folder served under `key` (`--model-dir`: the folder's name).
public struct ModelFolder: Sendable, Equatable {
    public var key: String
    public var url: URL

    public init(url: URL, key: String? = nil) {
        self.url = url
        self.key = key ?? url.standardizedFileURL.lastPathComponent
    }
}
