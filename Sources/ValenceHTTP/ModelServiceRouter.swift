import Hummingbird

/// The model service's routes (DESIGN.md section 2) over the given services.
public func buildModelServiceRouter<Context: RequestContext>(services: ModelServiceServices,
                                                             context: Context.Type = Context.self) -> Router<Context> {
    let router = Router(context: Context.self)
    router.add(middleware: ErrorMiddleware())
    ModelServiceRoutes(services: services).register(on: router)
    ModelManagementRoutes(services: services).register(on: router)
    return router
}
