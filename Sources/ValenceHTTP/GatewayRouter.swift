import Hummingbird
import ValenceDashboard

/// The gateway's routes (DESIGN.md section 2) over the given services.
public func buildGatewayRouter<Context: RequestContext>(services: APIServices, context: Context.Type = Context.self) -> Router<Context> {
    let router = Router(context: Context.self)
    router.add(middleware: ErrorMiddleware())
    PredictRoutes(services: services).register(on: router)
    AnalyticsRoutes(services: services).register(on: router)
    StatusRoutes(services: services).register(on: router)
    FailsafeRoutes(services: services).register(on: router)
    AlertRoutes(services: services).register(on: router)
    JobRoutes(services: services).register(on: router)
    SourceRoutes(services: services).register(on: router)
    DocsRoutes().register(on: router)
    DashboardRoutes(source: GatewayDashboardSource(services: services)).register(on: router)
    return router
}
