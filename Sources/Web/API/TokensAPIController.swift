import Domain
import Features
import Vapor

/// `/api/v1/tokens`: the caller's own API tokens.
struct TokensAPIController {
    func register(_ routes: any RoutesBuilder) {
        let tokens = Access.permission(.useAPITokens)
        routes.on(.GET, .api(.list(.token)), access: tokens, use: list)
        routes.on(.POST, .api(.list(.token)), access: tokens, use: create)
        routes.on(.DELETE, .api(.record(.token, RouteParameter.id)), access: tokens, use: revoke)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let tokens = try await APITokens(database: req.db).list(forUserID: user.id, by: req.actor)
        return try APIJSON.response(APIList(items: tokens))
    }

    struct CreateBody: Decodable { var label: String? }
    struct Created: Encodable { var token: APITokens.Summary; var secret: String }

    @Sendable func create(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let body = try await APIJSON.decode(CreateBody.self, from: req)
        let created = try await APITokens(database: req.db).create(forUserID: user.id, label: body.label, by: req.actor)
        return try APIJSON.response(Created(token: created.token, secret: created.secret), status: .created)
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        try await APITokens(database: req.db).revoke(id: req.idParameter(), by: req.actor)
        return Response(status: .noContent)
    }
}
