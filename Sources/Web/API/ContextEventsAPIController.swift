import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/context-events`.
struct ContextEventsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.contextEvent)), access: read, use: list)
        routes.on(.POST, .api(.list(.contextEvent)), access: write, use: create)
        routes.on(.GET, .api(.record(.contextEvent, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.contextEvent, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.contextEvent, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.contextEvent, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.contextEvent, id, .history)), access: read, use: history)
    }

    func events(_ req: Request) -> ContextEvents { ContextEvents(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = ContextEvents.Query()
        query.kind = APIListQuery.choice(req, "kind", ContextEventKind.self, issues: &issues)
        query.placeID = APIListQuery.uuid(req, "place", issues: &issues)
        query.from = APIListQuery.day(req, "from", issues: &issues)
        query.to = APIListQuery.day(req, "to", issues: &issues)
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await events(req).list(query, by: req.actor).map(APIContextEvent.init)))
    }

    struct Body: Decodable {
        var title: String?, kind: String?, severity: String?, startsOn: String?, endsOn: String?, description: String?, sourceURL: String?
        var confidentiality: String?, placeIDs: [UUID]?, version: Int?

        func input(over current: ContextEventRecord?) -> ContextEventInput {
            let summary = current?.summary
            var input = ContextEventInput(title: title ?? summary?.title ?? "", kind: kind ?? summary?.kind.rawValue ?? "",
                                          severity: severity ?? summary?.severity.rawValue ?? Severity.moderate.rawValue,
                                          startsOn: startsOn ?? summary?.period.startsOn.description ?? "")
            input.endsOn = endsOn ?? summary.map { $0.period.isSingleDay ? "" : $0.period.endsOn.description }
            input.description = description ?? current?.description
            input.sourceURL = sourceURL ?? current?.sourceURL
            input.confidentiality = confidentiality ?? summary?.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.placeIDs = placeIDs ?? summary?.places.map(\.id) ?? []
            return input
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        var issues: [FieldIssue] = []
        for (field, value) in [("title", body.title), ("kind", body.kind), ("startsOn", body.startsOn)] where value == nil {
            issues.append(FieldIssue(field: field, "field.required"))
        }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let event = try await events(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(APIContextEvent(event), status: .created,
                                    headers: ["Location": SiteURL.api(.record(.contextEvent, event.id)).path, "ETag": "\"\(event.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        guard !event.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIContextEvent(event), headers: ["ETag": "\"\(event.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await events(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let event = try await IfMatch.preconditioned(req) { try await events(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(APIContextEvent(event), headers: ["ETag": "\"\(event.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await events(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        try await events(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let event = try await events(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(APIContextEvent(event), headers: ["ETag": "\"\(event.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        guard !event.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: event.id)))
    }
}

/// A context event as the API gives it; `endsOn` equals `startsOn` for a single day. In lists,
/// `description`, `sourceURL` and `version` are left out (read one event for them).
struct APIContextEvent: Encodable, Sendable {
    var id: UUID
    var title: String
    var kind: String
    var severity: String
    var startsOn: String
    var endsOn: String
    var places: [RecordRef]
    var confidentiality: String
    var description: String?
    var sourceURL: String?
    var version: Int?

    init(_ summary: ContextEventSummary) {
        id = summary.id; title = summary.title; kind = summary.kind.rawValue; severity = summary.severity.rawValue
        startsOn = summary.period.startsOn.description; endsOn = summary.period.endsOn.description; places = summary.places
        confidentiality = summary.confidentiality.rawValue
    }

    init(_ event: ContextEventRecord) {
        self.init(event.summary)
        description = event.description; sourceURL = event.sourceURL; version = event.version
    }
}
