import Foundation
import Hummingbird

/// GET /openapi.json and GET /docs (the same document as a readable page; no external assets).
struct DocsRoutes {
    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/openapi.json") { _, _ in JSONResponse.text(OpenAPIDocument.json) }
        let page = DocsPage.html(openAPI: OpenAPIDocument.json)
        router.get("/docs") { _, _ in
            let buffer = ByteBuffer(string: page)
            return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: buffer))
        }
    }
}

/// Renders an OpenAPI document as one HTML page: a table of operations, then the document itself.
enum DocsPage {
    static func html(openAPI: String) -> String {
        var rows = ""
        if let document = try? JSONSerialization.jsonObject(with: Data(openAPI.utf8)) as? [String: Any],
           let paths = document["paths"] as? [String: [String: Any]] {
            for path in paths.keys.sorted() {
                for (method, operation) in paths[path]!.sorted(by: { $0.key < $1.key }) {
                    let summary = (operation as? [String: Any])?["summary"] as? String ?? ""
                    rows += "<tr><td><code>\(method.uppercased())</code></td><td><code>\(escape(path))</code></td><td>\(escape(summary))</td></tr>\n"
                }
            }
        }
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Valence API</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
        table{border-collapse:collapse;width:100%}td{border-bottom:1px solid #ddd;padding:.4rem}
        pre{background:#f6f6f6;padding:1rem;overflow:auto}</style></head>
        <body><h1>Valence API</h1>
        <p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
        <table>\(rows)</table>
        <h2>Example</h2>
        <pre>curl -s localhost:8080/predict -H 'Content-Type: application/json' -d '{"text": "I love this!"}'</pre>
        <h2>Document</h2><pre>\(escape(openAPI))</pre>
        </body></html>
        """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
