import ArgumentParser
import Foundation
import Logging

/// The process logger: stderr, level from LOG_LEVEL (default info).
func makeProcessLogger(label: String = "valence") -> Logger {
    var logger = Logger(label: label)
    if let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap({ Logger.Level(rawValue: $0.lowercased()) }) {
        logger.logLevel = level
    }
    return logger
}

/// Prints `error: message` on stderr and returns the exit code to throw (no usage text: the input, not the call, was wrong).
func fail(_ message: String) -> ExitCode {
    printError("error: \(message)")
    return ExitCode.failure
}

/// Writes one line to stderr.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// With VALENCE_EXIT_WITH_PARENT=1 (set by the multi-process tests) the process exits when its parent dies, so
/// that a crashed or killed test run leaves no servers behind.
func exitWithParentIfAsked() {
    guard ProcessInfo.processInfo.environment["VALENCE_EXIT_WITH_PARENT"] == "1" else { return }
    let parent = getppid()
    let watcher = Thread {
        while getppid() == parent { Thread.sleep(forTimeInterval: 0.5) }
        exit(3)
    }
    watcher.start()
}
