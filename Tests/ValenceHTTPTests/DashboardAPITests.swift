import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import ValenceTestSupport

@Suite("Gateway API: dashboard")
struct DashboardAPITests {
    @Test("GET /dashboard renders the stored predictions, the models, the breaker and the system from the gateway's services")
    func dashboardShowsPredictions() async throws {
        try await withServeApp { client in
            try await post(client, "/predict/batch", #"{"texts": ["I love it", "awful", "great!"], "model": "vader"}"#) { _ in }
            var page = ""
            for _ in 0..<40 where !page.contains("<dt>predictions</dt><dd>3</dd>") {
                try await Task.sleep(for: .milliseconds(100))  // the page's snapshot is reused for up to a second
                try await client.execute(uri: "/dashboard", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    page = String(buffer: response.body)
                }
            }
            #expect(page.contains("<dt>predictions</dt><dd>3</dd>"))
            #expect(page.contains("<td>vader</td><td>ready</td>"))
            #expect(page.contains("<p class=\"breaker state-closed\">closed</p>"))
            #expect(page.contains("<dt>database</dt><dd>sqlite: ok</dd>"))
            #expect(page.contains("<dt>default model</dt><dd>distilbert-sentiment</dd>"))
            #expect(!page.contains("data unavailable"))
        }
    }
}
