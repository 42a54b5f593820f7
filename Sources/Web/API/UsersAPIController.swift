import Domain
import Features
import Vapor

/// `/api/v1/me` and `/api/v1/users`.
struct UsersAPIController {
    func register(_ routes: any RoutesBuilder) {
        let admin = Access.permission(.manageUsers)
        routes.on(.GET, .api(.me), access: .signedIn, use: me)
        routes.on(.PATCH, .api(.me), access: .signedIn, use: updateMe)
        routes.on(.GET, .api(.list(.user)), access: admin, use: list)
        routes.on(.POST, .api(.list(.user)), access: admin, use: create)
        routes.on(.GET, .api(.record(.user, RouteParameter.id)), access: admin, use: show)
        routes.on(.PATCH, .api(.record(.user, RouteParameter.id)), access: admin, use: update)
        routes.on(.GET, .api(.record(.user, RouteParameter.id, .history)), access: admin, use: history)
    }

    @Sendable func me(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        return try APIJSON.response(APIUser(user), headers: ["ETag": IfMatch.tag(user.version)])
    }

    /// What a user may change of their own through the API: their interface language (null: as the
    /// request's `Accept-Language` asks, then the site's default).
    struct MeBody: Decodable {
        /// Absent: unchanged; null: no choice of one's own; a tag: that language.
        var language: String??

        enum CodingKeys: String, CodingKey { case language }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard container.contains(.language) else { language = nil; return }
            language = .some(try container.decode(String?.self, forKey: .language))
        }
    }

    @Sendable func updateMe(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(MeBody.self, from: req)
        guard var user = req.currentUser?.user else { throw WebError.unauthenticated }
        if let tag = body.language {
            let language = try tag.map { tag in
                guard let language = Language(rawValue: tag) else {
                    throw DomainError.invalid([FieldIssue(field: "language", "field.notAChoice")])
                }
                return language
            }
            user = try await ChooseLanguage(database: req.db)(language, by: req.actor)
        }
        return try APIJSON.response(APIUser(user), headers: ["ETag": IfMatch.tag(user.version)])
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let users = try await ListUsers(database: req.db)(by: req.actor)
        return try APIJSON.response(APIList(items: users.map(APIUser.init)))
    }

    struct CreateBody: Decodable {
        var email: String
        var name: String
        var role: String
        var password: String?
    }

    struct Created: Encodable {
        var user: APIUser
        var generatedPassword: String?
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(CreateBody.self, from: req)
        let result = try await AddUser(database: req.db, hasher: req.roundtable.hasher)(
            UserInput(email: body.email, name: body.name, role: body.role), password: body.password, by: req.actor
        )
        return try APIJSON.response(
            Created(user: APIUser(result.user), generatedPassword: result.generatedPassword), status: .created,
            headers: ["Location": SiteURL.api(.record(.user, result.user.id)).location, "ETag": IfMatch.tag(result.user.version)]
        )
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let user = try await ListUsers(database: req.db).one(req.idParameter(), by: req.actor)
        return try APIJSON.response(APIUser(user), headers: ["ETag": IfMatch.tag(user.version)])
    }

    struct UpdateBody: Decodable {
        var email: String?
        var name: String?
        var role: String?
        var disabled: Bool?
        var version: Int?
    }

    /// Changes only the fields sent. The version comes from `If-Match` (412 when stale) or the body's
    /// `version` (409 when stale); without either the update is refused (428).
    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(UpdateBody.self, from: req)
        let current = try await ListUsers(database: req.db).one(id, by: req.actor)
        let input = UserInput(email: body.email ?? current.email, name: body.name ?? current.name, role: body.role ?? current.role.rawValue)
        // Bad input is reported as such, whatever version it claims to start from.
        try input.check()
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        var user = try await IfMatch.preconditioned(req) { try await UpdateUser(database: req.db)(id: id, input, expectedVersion: expected, by: req.actor) }
        if let disabled = body.disabled {
            user = try await SetUserDisabled(database: req.db)(id: id, disabled: disabled, by: req.actor)
        }
        return try APIJSON.response(APIUser(user), headers: ["ETag": IfMatch.tag(user.version)])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        _ = try await ListUsers(database: req.db).one(id, by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: id)
        return try APIJSON.response(APIList(items: entries))
    }
}
