/// One event of a `text/event-stream` response, in the wire format of the HTML standard.
struct ServerSentEvent: Sendable, Equatable {
    /// The event type (`event:` field); the browser dispatches it to listeners of that name.
    var name: String
    /// The payload; each line becomes one `data:` field.
    var data: String
    /// The reconnection delay to ask the browser for (`retry:` field), if any.
    var retry: Duration?

    /// The event as sent: fields, then a blank line.
    var encoded: String {
        var text = ""
        if let retry {
            let milliseconds = retry.components.seconds * 1_000 + retry.components.attoseconds / 1_000_000_000_000_000
            text += "retry: \(max(0, milliseconds))\n"
        }
        text += "event: \(name)\n"
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}
