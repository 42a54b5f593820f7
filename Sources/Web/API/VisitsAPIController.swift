import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/visits`.
struct VisitsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.visit)), access: read, use: list)
        routes.on(.POST, .api(.list(.visit)), access: write, use: create)
        routes.on(.GET, .api(.record(.visit, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.visit, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.visit, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.visit, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.visit, id, .history)), access: read, use: history)
    }

    func visits(_ req: Request) -> FieldVisits { FieldVisits(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        let deleted = APIListQuery.flag(req, "deleted", issues: &issues)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await visits(req).list(page: paging.page, perPage: paging.perPage, includeDeleted: deleted, by: req.actor)))
    }

    struct Body: Decodable {
        var title: String?, purpose: String?, startsOn: String?, endsOn: String?, status: String?, summary: String?
        var placeIDs: [UUID]?, memberUserIDs: [UUID]?, memberPersonIDs: [UUID]?, version: Int?

        func input(over current: FieldVisitRecord?) -> FieldVisitInput {
            var input = FieldVisitInput(title: title ?? current?.summary.title ?? "", startsOn: startsOn ?? current?.summary.startsOn.description ?? "",
                                        endsOn: endsOn ?? current?.summary.endsOn.description ?? "")
            input.purpose = purpose ?? current?.purpose
            input.status = status ?? current?.summary.status.rawValue ?? VisitStatus.planned.rawValue
            input.summary = summary ?? current?.notes
            input.placeIDs = placeIDs ?? current?.places.map(\.id) ?? []
            input.memberUserIDs = memberUserIDs ?? current?.users.map(\.id) ?? []
            input.memberPersonIDs = memberPersonIDs ?? current?.people.map(\.id) ?? []
            return input
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        for (field, value) in [("title", body.title), ("startsOn", body.startsOn), ("endsOn", body.endsOn)] where value == nil {
            issues.append(FieldIssue(field: field, "field.required"))
        }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let visit = try await visits(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(APIVisit(visit), status: .created, headers: ["Location": SiteURL.api(.record(.visit, visit.id)).path, "ETag": "\"\(visit.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        guard !visit.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIVisit(visit), headers: ["ETag": "\"\(visit.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await visits(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let visit = try await IfMatch.preconditioned(req) { try await visits(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(APIVisit(visit), headers: ["ETag": "\"\(visit.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await visits(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        try await visits(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let visit = try await visits(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(APIVisit(visit), headers: ["ETag": "\"\(visit.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        guard !visit.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: visit.id)))
    }
}

/// A field visit as the API gives it. Its engagements: `GET /api/v1/engagements?visit={id}&chronological=true`.
struct APIVisit: Encodable {
    var id: UUID
    var title: String
    var purpose: String?
    var startsOn: String
    var endsOn: String
    var status: String
    var summary: String?
    var places: [RecordRef]
    var users: [RecordRef]
    var people: [RecordRef]
    var version: Int

    init(_ visit: FieldVisitRecord) {
        id = visit.id; title = visit.summary.title; purpose = visit.purpose; startsOn = visit.summary.startsOn.description
        endsOn = visit.summary.endsOn.description; status = visit.summary.status.rawValue; summary = visit.notes; places = visit.places
        users = visit.users; people = visit.people; version = visit.version
    }
}
