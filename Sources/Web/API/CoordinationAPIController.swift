import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/coordination`: who does what where, as JSON and as CSV with HXL hashtags.
struct CoordinationAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.coordination)), access: read, use: list)
        routes.on(.GET, .api(.coordinationExport), access: read, use: export)
        routes.on(.POST, .api(.list(.coordination)), access: write, use: create)
        routes.on(.GET, .api(.record(.coordination, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.coordination, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.coordination, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.coordination, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.coordination, id, .history)), access: read, use: history)
    }

    func coordination(_ req: Request) -> Coordination { Coordination(database: req.db, language: req.localizer.language) }

    func query(_ req: Request) throws -> Coordination.Query {
        var issues: [FieldIssue] = []
        var query = Coordination.Query()
        query.placeID = APIListQuery.uuid(req, "place", issues: &issues)
        query.from = APIListQuery.day(req, "from", issues: &issues)
        query.to = APIListQuery.day(req, "to", issues: &issues)
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return query
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await coordination(req).all(query(req), by: req.actor).map(APICoordination.init)))
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let rows = try await coordination(req).hxlRows(query(req), by: req.actor)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Cache-Control": "private, no-store"],
                        body: .init(string: CSV.document(rows)))
    }

    struct Body: Decodable {
        var organizationID: UUID?, theme: String?, startsOn: String?, endsOn: String?, placeIDs: [UUID]?, contactPersonID: UUID?, notes: String?
        var version: Int?

        func input(over current: CoordinationRecord?) -> CoordinationInput {
            var input = CoordinationInput(organizationID: organizationID ?? current?.organization.id, theme: theme ?? current?.theme ?? "")
            input.startsOn = startsOn ?? current?.period.from?.description
            input.endsOn = endsOn ?? current?.period.to?.description
            input.placeIDs = placeIDs ?? current?.places.map(\.id) ?? []
            input.contactPersonID = contactPersonID ?? current?.contact?.id
            input.notes = notes ?? current?.notes
            return input
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        if body.organizationID == nil { issues.append(FieldIssue(field: "organizationID", "field.required")) }
        if body.theme == nil { issues.append(FieldIssue(field: "theme", "field.required")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let activity = try await coordination(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(APICoordination(activity), status: .created,
                                    headers: ["Location": SiteURL.api(.record(.coordination, activity.id)).path, "ETag": "\"\(activity.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        guard !activity.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APICoordination(activity), headers: ["ETag": "\"\(activity.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await coordination(req).get(id, by: req.actor)
        guard !current.isDeleted else { throw WebError.notFound }
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let activity = try await IfMatch.preconditioned(req) { try await coordination(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(APICoordination(activity), headers: ["ETag": "\"\(activity.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await coordination(req).get(id, by: req.actor)
        guard !current.isDeleted else { throw WebError.notFound }
        try await coordination(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(APICoordination(activity), headers: ["ETag": "\"\(activity.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        guard !activity.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: activity.id)))
    }
}

struct APICoordination: Encodable {
    var id: UUID
    var organization: RecordRef
    var theme: String
    var startsOn: String?
    var endsOn: String?
    var places: [RecordRef]
    var contact: RecordRef?
    var notes: String?
    var version: Int

    init(_ activity: CoordinationRecord) {
        id = activity.id; organization = activity.organization; theme = activity.theme; startsOn = activity.period.from?.description
        endsOn = activity.period.to?.description; places = activity.places; contact = activity.contact; notes = activity.notes; version = activity.version
    }
}
