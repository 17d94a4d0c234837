import Foundation

/// Parses a `text/event-stream` body into its events (enough for the dashboard's stream).
struct ParsedEvent {
    var name: String?
    var data: String
    var retry: Int?

    /// The `data:` payload as the JSON object of element id → fragment.
    var fragments: [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(data.utf8))
    }

    static func parse(_ stream: String) -> [ParsedEvent] {
        stream.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
            var event = ParsedEvent(name: nil, data: "", retry: nil)
            var dataLines: [String] = []
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { dataLines.append(String(line.dropFirst(6))) }
                if line.hasPrefix("retry: ") { event.retry = Int(line.dropFirst(7)) }
            }
            event.data = dataLines.joined(separator: "\n")
            return event
        }
    }
}
