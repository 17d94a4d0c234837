import Testing
@testable import ValenceDashboard

@Suite("Server-sent event encoding")
struct ServerSentEventTests {
    @Test("fields in wire order, the retry hint in milliseconds, one data field per line, a blank line at the end")
    func encoding() {
        let event = ServerSentEvent(name: "snapshot", data: "{\"a\":1}\nsecond line", retry: .milliseconds(2_500))
        #expect(event.encoded == "retry: 2500\nevent: snapshot\ndata: {\"a\":1}\ndata: second line\n\n")
        #expect(ServerSentEvent(name: "snapshot", data: "", retry: nil).encoded == "event: snapshot\ndata: \n\n")
    }
}
