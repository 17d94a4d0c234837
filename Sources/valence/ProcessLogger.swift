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
