import Storage
import Vapor

/// Health, metrics, the API description and the stylesheet: reachable without signing in.
struct SystemController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .healthz, access: .anyone, use: health)
        routes.on(.GET, .metrics, access: .anyone, use: metrics)
        routes.on(.GET, .openAPI, access: .anyone, use: openAPI)
        routes.on(.GET, .stylesheet, access: .anyone, use: stylesheet)
        routes.on(.GET, .script, access: .anyone, use: script)
        routes.on(.GET, .offlineScript, access: .anyone, use: offlineScript)
        routes.on(.GET, .serviceWorker, access: .anyone, use: serviceWorker)
    }

    struct Health: Encodable {
        var status: String
        var database: Database
        struct Database: Encodable { var kind: String; var state: String }
    }

    @Sendable func health(_ req: Request) async throws -> Response {
        let (ok, detail) = await DatabaseSetup.health(req.db)
        let kind = req.roundtable.configuration.database.isPostgres ? "postgresql" : "sqlite"
        return try APIJSON.response(
            Health(status: ok ? "ok" : "degraded", database: .init(kind: kind, state: detail)),
            status: ok ? .ok : .serviceUnavailable
        )
    }

    @Sendable func metrics(_ req: Request) async throws -> Response {
        guard MetricsAccess.allows(req) else { throw Abort(.notFound) }
        var buffer: [UInt8] = []
        req.roundtable.metrics.emit(into: &buffer)
        return Response(status: .ok, headers: ["Content-Type": "text/plain; version=0.0.4; charset=utf-8"], body: .init(data: Data(buffer)))
    }

    @Sendable func openAPI(_ req: Request) async throws -> Response {
        Response(status: .ok, headers: ["Content-Type": "application/yaml; charset=utf-8"], body: .init(string: req.roundtable.openAPIDocument))
    }

    @Sendable func stylesheet(_ req: Request) async throws -> Response {
        Self.asset(req.roundtable.stylesheet, type: "text/css", cache: "public, max-age=3600")
    }

    @Sendable func script(_ req: Request) async throws -> Response {
        Self.asset(req.roundtable.script, type: "text/javascript", cache: "public, max-age=3600")
    }

    @Sendable func offlineScript(_ req: Request) async throws -> Response {
        Self.asset(req.roundtable.offlineScript, type: "text/javascript", cache: "no-cache")
    }

    /// Never cached by the browser's HTTP cache, so a new server's worker is found on the next page load.
    @Sendable func serviceWorker(_ req: Request) async throws -> Response {
        Self.asset(req.roundtable.serviceWorker, type: "text/javascript", cache: "no-cache")
    }

    /// A stylesheet or script the server holds in memory, in UTF-8.
    static func asset(_ body: String, type: String, cache: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type + "; charset=utf-8", "Cache-Control": cache], body: .init(string: body))
    }
}
