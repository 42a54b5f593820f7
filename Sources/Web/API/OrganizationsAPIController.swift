import Domain
import Features
import Vapor

/// `/api/v1/organizations`.
struct OrganizationsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.organization)), access: read, use: list)
        routes.on(.POST, .api(.list(.organization)), access: write, use: create)
        routes.on(.GET, .api(.record(.organization, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.organization, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.organization, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.organization, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.organization, id, .history)), access: read, use: history)
    }

    func organizations(_ req: Request) -> Organizations { Organizations(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = Organizations.Query()
        query.text = APIListQuery.text(req, "q", issues: &issues)
        query.kind = APIListQuery.choice(req, "kind", OrganizationKind.self, issues: &issues)
        query.level = APIListQuery.choice(req, "level", GovernanceLevel.self, issues: &issues)
        query.placeID = APIListQuery.uuid(req, "place", issues: &issues)
        query.sort = APIListQuery.choice(req, "sort", SortOrder.self, issues: &issues) ?? .name
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await organizations(req).list(query, by: req.actor)))
    }

    struct Body: Decodable {
        var name: String?
        var otherNames: [String]?
        var kind: String?
        var level: String?
        var parentID: UUID?
        var placeID: UUID?
        var website: String?
        var notes: String?
        var version: Int?

        func input(over current: OrganizationRecord?) -> OrganizationInput {
            var input = OrganizationInput(name: name ?? current?.name ?? "")
            input.otherNames = otherNames ?? current?.otherNames ?? []
            input.kind = kind ?? current?.kind ?? ""
            input.level = level ?? current?.level
            input.parentID = parentID ?? current?.parent?.id
            input.placeID = placeID ?? current?.place?.id
            input.website = website ?? current?.website
            input.notes = notes ?? current?.notes
            return input
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        if body.name == nil { issues.append(FieldIssue(field: "name", "field.required")) }
        if body.kind == nil { issues.append(FieldIssue(field: "kind", "field.required")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let org = try await organizations(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(org, status: .created, headers: ["Location": SiteURL.api(.record(.organization, org.id)).path, "ETag": "\"\(org.version)\""])
    }

    /// A deleted organisation is gone from the API (restore brings it back).
    @Sendable func get(_ req: Request) async throws -> Response {
        let org = try await organizations(req).get(req.idParameter(), by: req.actor)
        guard org.deletedAt == nil else { throw WebError.notFound }
        return try APIJSON.response(org, headers: ["ETag": "\"\(org.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await organizations(req).get(id, by: req.actor)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let org = try await IfMatch.preconditioned(req) { try await organizations(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(org, headers: ["ETag": "\"\(org.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await organizations(req).get(id, by: req.actor)
        guard current.deletedAt == nil else { throw WebError.notFound }
        try await organizations(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let org = try await organizations(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(org, headers: ["ETag": "\"\(org.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let org = try await organizations(req).get(req.idParameter(), by: req.actor)
        guard org.deletedAt == nil else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: org.id)))
    }
}
