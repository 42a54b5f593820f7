import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/recommendations`.
struct RecommendationsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.recommendation)), access: read, use: list)
        routes.on(.POST, .api(.list(.recommendation)), access: write, use: create)
        routes.on(.GET, .api(.record(.recommendation, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.recommendation, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.recommendation, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.recommendation, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.recommendation, id, .history)), access: read, use: history)
        routes.on(.POST, .api(.record(.recommendation, id, .evidence)), access: write, use: addEvidence)
    }

    func recommendations(_ req: Request) -> Recommendations { Recommendations(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = Recommendations.Query()
        query.status = APIListQuery.choice(req, "status", RecommendationStatus.self, issues: &issues)
        query.workingGroupID = APIListQuery.uuid(req, "workingGroup", issues: &issues)
        query.organizationID = APIListQuery.uuid(req, "organization", issues: &issues)
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await recommendations(req).list(query, by: req.actor)))
    }

    struct Body: Decodable {
        var title: String?, text: String?, level: String?, status: String?, statusOn: String?, workingGroupID: UUID?, confidentiality: String?
        var targetIDs: [UUID]?, contextEventIDs: [UUID]?, version: Int?

        func input(over current: RecommendationRecord?) -> RecommendationInput {
            var input = RecommendationInput(title: title ?? current?.summary.title ?? "")
            input.text = text ?? current?.text
            input.level = level ?? current?.summary.level?.rawValue
            input.status = status ?? current?.summary.status.rawValue ?? RecommendationStatus.idea.rawValue
            input.statusOn = statusOn
            input.workingGroupID = workingGroupID ?? current?.workingGroup?.id
            input.confidentiality = confidentiality ?? current?.summary.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.targetIDs = targetIDs ?? current?.targets.map(\.id) ?? []
            input.contextEventIDs = contextEventIDs ?? current?.contextEvents.map(\.id) ?? []
            return input
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        try APIDays.requireDaysOrNull([("statusOn", body.statusOn)])
        if body.title == nil { throw DomainError.invalid([FieldIssue(field: "title", "field.required")]) }
        let item = try await recommendations(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(APIRecommendation(item), status: .created,
                                    headers: ["Location": SiteURL.api(.record(.recommendation, item.id)).path, "ETag": "\"\(item.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        guard !item.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIRecommendation(item), headers: ["ETag": "\"\(item.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        try APIDays.requireDaysOrNull([("statusOn", body.statusOn)])
        let current = try await recommendations(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let item = try await IfMatch.preconditioned(req) { try await recommendations(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(APIRecommendation(item), headers: ["ETag": "\"\(item.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await recommendations(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        try await recommendations(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(APIRecommendation(item), headers: ["ETag": "\"\(item.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        guard !item.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: item.id)))
    }

    struct EvidenceBody: Decodable { var engagementID: UUID? }

    @Sendable func addEvidence(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(EvidenceBody.self, from: req)
        guard let engagementID = body.engagementID else { throw DomainError.invalid([FieldIssue(field: "engagementID", "field.required")]) }
        try await recommendations(req).addEvidence(engagement: engagementID, to: id, by: req.actor)
        let item = try await recommendations(req).get(id, by: req.actor)
        return try APIJSON.response(APIRecommendation(item), headers: ["ETag": "\"\(item.version)\""])
    }
}

/// A recommendation as the API gives it, with its status steps and evidence.
struct APIRecommendation: Encodable {
    struct Step: Encodable {
        var status: String
        var effectiveOn: String
    }

    var id: UUID, title: String, text: String?, level: String?, status: String, confidentiality: String
    var targets: [RecordRef], workingGroup: RecordRef?, statusHistory: [Step], engagements: [RecordRef], contextEvents: [RecordRef], version: Int

    init(_ item: RecommendationRecord) {
        id = item.id; title = item.summary.title; text = item.text; level = item.summary.level?.rawValue; status = item.summary.status.rawValue
        confidentiality = item.summary.confidentiality.rawValue; targets = item.targets; workingGroup = item.workingGroup
        statusHistory = item.statusHistory.map { Step(status: $0.status.rawValue, effectiveOn: $0.effectiveOn.description) }
        engagements = item.engagements.map { RecordRef(id: $0.id, name: $0.title) }
        contextEvents = item.contextEvents.map { RecordRef(id: $0.id, name: $0.title) }
        version = item.version
    }
}
