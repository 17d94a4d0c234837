import Foundation
import Hummingbird
import ValenceCore
import ValenceStorage

/// Live sources (DESIGN.md section 6): GET /sources, GET /sources/{id}, POST /sources and DELETE /sources/{id}
/// (admin). Workers poll the enabled ones; only configured URLs are ever fetched.
struct SourceRoutes {
    let services: APIServices

    struct SourceBody: Encodable {
        var id: String
        var kind: String
        var name: String
        var subreddit: String?
        var url: String?
        var pollIntervalSeconds: Double
        var includeComments: Bool
        var maxItemsPerPoll: Int
        var enabled: Bool
        var state: String
        var lastError: String?
        var lastPolledAt: Date?
        var createdAt: Date

        init(_ source: Source) {
            let configuration = source.configuration
            id = source.id.uuidString.lowercased()
            kind = configuration.kind.rawValue
            name = configuration.name
            subreddit = configuration.subreddit
            url = configuration.feedURL
            pollIntervalSeconds = configuration.pollInterval.inMilliseconds / 1000
            includeComments = configuration.includeComments
            maxItemsPerPoll = configuration.maxItemsPerPoll
            enabled = configuration.enabled
            state = source.state.rawValue
            lastError = source.lastError
            lastPolledAt = source.lastPolledAt
            createdAt = source.createdAt
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, name, subreddit, url, enabled, state
            case pollIntervalSeconds = "poll_interval_seconds", includeComments = "include_comments"
            case maxItemsPerPoll = "max_items_per_poll", lastError = "last_error", lastPolledAt = "last_polled_at"
            case createdAt = "created_at"
        }
    }

    struct SourceList: Encodable {
        var sources: [SourceBody]
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/sources") { _, _ in
            try JSONResponse.encode(SourceList(sources: try await databaseCall { try await services.sources.list() }.map(SourceBody.init)))
        }
        router.get("/sources/:id") { _, context in
            let id = try resourceID(context.parameters.get("id"), of: "source")
            return try JSONResponse.encode(SourceBody(try await databaseCall { try await services.sources.get(id: id) }))
        }
        router.post("/sources") { request, _ in
            try services.authorizeAdmin(request)
            let configuration = try await request.decodeJSONBody(as: SourceConfiguration.self, limit: 16_384)
            let source = try await databaseCall { try await services.sources.create(configuration, id: UUID(), at: Date()) }
            return try JSONResponse.encode(SourceBody(source), status: .created)
        }
        router.delete("/sources/:id") { request, context -> Response in
            try services.authorizeAdmin(request)
            let id = try resourceID(context.parameters.get("id"), of: "source")
            try await databaseCall { try await services.sources.delete(id: id) }
            return Response(status: .noContent)
        }
    }
}
