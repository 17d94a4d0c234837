import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command to completion (posix_spawn + waitpid: Foundation's `waitUntilExit` can hang when the command
/// leaves a daemon behind, as `pg_ctl start` does). Throws unless it exits with status 0.
public func runCommand(_ arguments: [String]) throws {
    var pid: pid_t = 0
    let argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let spawned = posix_spawnp(&pid, arguments[0], nil, nil, argv, environ)
    guard spawned == 0 else { throw ProcessError("cannot start \(arguments[0]): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw ProcessError("waitpid failed for \(arguments[0])") }
    }
    let exited = status & 0x7f == 0
    guard exited, (status >> 8) & 0xff == 0 else {
        throw ProcessError("\(arguments.joined(separator: " ")) failed (status \(status))")
    }
}
