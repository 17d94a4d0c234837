import Foundation
import Hummingbird
import ValenceCore
import ValenceModels

/// The model service's management routes (DESIGN.md section 2): list and inspect models, download, load (hot
/// swap), unload, set the default; all changes require the API key when one is configured. GET /metrics.
struct ModelManagementRoutes {
    let services: ModelServiceServices

    struct ModelList: Encodable {
        var defaultModel: String
        var models: [ModelInfo]

        enum CodingKeys: String, CodingKey {
            case models
            case defaultModel = "default_model"
        }
    }

    struct DownloadBody: Decodable {
        var model: String
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        let registry = services.registry
        router.get("/models") { _, _ in
            try JSONResponse.encode(ModelList(defaultModel: registry.defaultModelKey, models: registry.models()))
        }
        router.get("/models/:key") { _, context in
            try JSONResponse.encode(try registry.info(try context.parameters.require("key")))
        }
        router.post("/models/download") { request, _ in
            try authorize(request)
            let body = try await request.decodeJSONBody(as: DownloadBody.self, limit: 4_096)
            return try JSONResponse.encode(try registry.download(body.model), status: .accepted)
        }
        router.post("/models/:key/load") { request, context in
            try authorize(request)
            return try JSONResponse.encode(try await registry.load(try context.parameters.require("key")))
        }
        router.post("/models/:key/unload") { request, context in
            try authorize(request)
            return try JSONResponse.encode(try registry.unload(try context.parameters.require("key")))
        }
        router.post("/models/:key/default") { request, context in
            try authorize(request)
            let key = try context.parameters.require("key")
            try registry.setDefault(key)
            return try JSONResponse.encode(try registry.info(key))
        }
        router.get("/metrics") { request, _ in
            if request.headers[.accept]?.contains("application/json") == true {
                return try JSONResponse.encode(services.metrics.snapshot())
            }
            let text = ByteBuffer(string: services.metrics.prometheusText())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: text))
        }
    }

    private func authorize(_ request: Request) throws {
        try AdminAuthorization.authorize(request, apiKey: services.apiKey)
    }
}
