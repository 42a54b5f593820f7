import Domain
import Features
import Vapor

/// `/api/v1/positions`, `/api/v1/places` and `/api/v1/communities`.
struct PositionsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.position)), access: read, use: list)
        routes.on(.POST, .api(.list(.position)), access: write, use: create)
        routes.on(.GET, .api(.record(.position, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.position, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.position, id)), access: write, use: delete)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = Positions.ListQuery()
        query.personID = APIListQuery.uuid(req, "person", issues: &issues)
        query.organizationID = APIListQuery.uuid(req, "organization", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await Positions(database: req.db).list(query, by: req.actor)))
    }

    struct Body: Decodable {
        var personID: UUID?
        var organizationID: UUID?
        var title: String?
        var startsOn: String?
        var endsOn: String?
        var version: Int?
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        for (field, missing) in [("personID", body.personID == nil), ("organizationID", body.organizationID == nil), ("title", body.title == nil)] where missing {
            issues.append(FieldIssue(field: field, "field.required"))
        }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let position = try await Positions(database: req.db).create(
            PositionInput(personID: body.personID!, organizationID: body.organizationID!, title: body.title!, startsOn: body.startsOn, endsOn: body.endsOn),
            by: req.actor)
        return try APIJSON.response(position, status: .created, headers: ["Location": SiteURL.api(.record(.position, position.id)).path, "ETag": "\"\(position.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let position = try await Positions(database: req.db).get(req.idParameter(), by: req.actor)
        return try APIJSON.response(position, headers: ["ETag": "\"\(position.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await Positions(database: req.db).get(id, by: req.actor)
        let input = PositionInput(personID: body.personID ?? current.person.id, organizationID: body.organizationID ?? current.organization.id,
                                  title: body.title ?? current.title, startsOn: body.startsOn ?? current.startsOn, endsOn: body.endsOn ?? current.endsOn)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let position = try await IfMatch.preconditioned(req) { try await Positions(database: req.db).update(id, input, expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(position, headers: ["ETag": "\"\(position.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await Positions(database: req.db).get(id, by: req.actor)
        try await Positions(database: req.db).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }
}

struct PlacesAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        routes.on(.GET, .api(.list(.place)), access: read, use: list)
        routes.on(.POST, .api(.list(.place)), access: write, use: create)
        routes.on(.GET, .api(.record(.place, RouteParameter.id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.place, RouteParameter.id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.place, RouteParameter.id)), access: write, use: delete)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await places(req).get(id, by: req.actor)
        try await places(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    /// Names in the language asked for with `lang`, else the reader's.
    func places(_ req: Request) throws -> Places {
        guard let lang = try? req.query.get(String.self, at: "lang") else { return Places(database: req.db, language: req.localizer.language) }
        guard lang.count <= 20, PlaceNames.isLanguageTag(lang) else { throw DomainError.invalid(field: "lang", "language.invalid") }
        return Places(database: req.db, language: lang)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        let kind = APIListQuery.choice(req, "kind", PlaceKind.self, issues: &issues)
        let parent = APIListQuery.uuid(req, "parent", issues: &issues)
        let text = APIListQuery.text(req, "q", issues: &issues)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let page = try await places(req).list(text: text, kind: kind, parentID: parent,
                                               page: paging.page, perPage: paging.perPage, by: req.actor)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: Decodable {
        var kind: String?
        var parentID: UUID?
        var names: [String: String]?
        var latitude: Double?
        var longitude: Double?
        var version: Int?
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        if body.kind == nil { issues.append(FieldIssue(field: "kind", "field.required")) }
        if body.names == nil { issues.append(FieldIssue(field: "names", "field.required")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let place = try await places(req).create(PlaceInput(kind: body.kind!, parentID: body.parentID, names: body.names!, latitude: body.latitude, longitude: body.longitude), by: req.actor)
        return try APIJSON.response(place, status: .created, headers: ["Location": SiteURL.api(.record(.place, place.id)).path, "ETag": "\"\(place.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let place = try await places(req).get(req.idParameter(), by: req.actor)
        return try APIJSON.response(place, headers: ["ETag": "\"\(place.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await places(req).get(id, by: req.actor)
        let input = PlaceInput(kind: body.kind ?? current.kind, parentID: body.parentID ?? current.parent?.id, names: body.names ?? current.names,
                               latitude: body.latitude ?? current.latitude, longitude: body.longitude ?? current.longitude)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let place = try await IfMatch.preconditioned(req) { try await places(req).update(id, input, expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(place, headers: ["ETag": "\"\(place.version)\""])
    }
}

struct CommunitiesAPIController {
    func register(_ routes: any RoutesBuilder) {
        let settings = Access.permission(.manageSettings)
        routes.on(.GET, .api(.list(.community)), access: .permission(.readRecords), use: list)
        routes.on(.POST, .api(.list(.community)), access: settings, use: create)
        routes.on(.GET, .api(.record(.community, RouteParameter.id)), access: .permission(.readRecords), use: get)
        routes.on(.PATCH, .api(.record(.community, RouteParameter.id)), access: settings, use: update)
        routes.on(.DELETE, .api(.record(.community, RouteParameter.id)), access: settings, use: delete)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await Communities(database: req.db).list(by: req.actor)))
    }

    struct Body: Decodable {
        var name: String?
        var status: String?
        var regionID: UUID?
        var notes: String?
        var version: Int?
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        if body.name == nil { issues.append(FieldIssue(field: "name", "field.required")) }
        if body.status == nil { issues.append(FieldIssue(field: "status", "field.required")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let community = try await Communities(database: req.db).create(CommunityInput(name: body.name!, status: body.status!, regionID: body.regionID, notes: body.notes), by: req.actor)
        return try APIJSON.response(community, status: .created, headers: ["Location": SiteURL.api(.record(.community, community.id)).path, "ETag": "\"\(community.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let community = try await Communities(database: req.db).get(req.idParameter(), by: req.actor)
        return try APIJSON.response(community, headers: ["ETag": "\"\(community.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await Communities(database: req.db).get(id, by: req.actor)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let community = try await IfMatch.preconditioned(req) { try await Communities(database: req.db).update(
            id, CommunityInput(name: body.name ?? current.name, status: body.status ?? current.status, regionID: body.regionID ?? current.region?.id,
                               notes: body.notes ?? current.notes), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(community, headers: ["ETag": "\"\(community.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        try await Communities(database: req.db).delete(req.idParameter(), expectedVersion: nil, by: req.actor)
        return Response(status: .noContent)
    }
}
