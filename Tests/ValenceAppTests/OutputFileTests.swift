import Foundation
import Testing
import ValenceApp
import ValenceTestSupport

@Suite("Output files")
struct OutputFileTests {
    @Test("writing through a symlink keeps the link and fills its target; an existing file is truncated")
    func inPlace() async throws {
        try await withTemporaryDirectory { directory in
            let target = directory.appendingPathComponent("target.jsonl").path
            let link = directory.appendingPathComponent("link.jsonl").path
            try "old contents that are longer\n".write(toFile: target, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            let handle = try OutputFile.open(link)
            handle.write(Data("new\n".utf8))
            try handle.close()
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
            #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
        }
    }

    @Test("an unwritable path is a clear error")
    func unwritable() {
        #expect(throws: ConfigurationError.self) { try OutputFile.open("/nonexistent-folder/out.jsonl") }
    }
}
