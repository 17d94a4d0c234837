import Foundation

/// Names a worker process so its leases can be told apart: `HOST-PID-RANDOM`.
public enum WorkerIdentity {
    public static func make() -> String {
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(suffix)"
    }
}
