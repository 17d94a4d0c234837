import Foundation
import Testing
import ValenceApp
import ValenceCore
import ValenceTestSupport

/// `downloadedFolder`: how `valence analyze` and `valence eval` find a catalog model on disk.
@Suite("Model cache: local folders for analyze and eval")
struct ModelCacheCommandsTests {
    @Test("VADER needs no folder; a catalog model resolves once pulled and names the pull command before; unknown keys are refused")
    func downloadedFolder() async throws {
        try await FakeHub.withRunning { hub in
            try ModelServiceTests.publishTinyModel(on: hub)
            try await withTemporaryDirectory { folder in
                var configuration = ServeConfiguration(dataDirectory: folder)
                try configuration.apply(environment: ["HF_ENDPOINT": hub.endpoint.absoluteString])
                let commands = try ModelCacheCommands(configuration: configuration, logger: .quiet)

                #expect(try commands.downloadedFolder("vader") == nil)
                #expect {
                    try commands.downloadedFolder("distilbert")
                } throws: { error in
                    guard case ValenceError.notReady(let message) = error else { return false }
                    return message.contains("valence models pull distilbert")
                }
                #expect {
                    try commands.downloadedFolder("no-such-model")
                } throws: { error in
                    guard case ValenceError.unknownModel = error else { return false }
                    return true
                }

                let pulled = try await commands.pull("distilbert-sentiment")
                #expect(try commands.downloadedFolder("distilbert") == pulled)
                #expect(try commands.downloadedFolder(ModelServiceTests.repository + "@main") == pulled)
                #expect(FileManager.default.fileExists(atPath: pulled.appendingPathComponent("tokenizer.json").path))
            }
        }
    }
}
