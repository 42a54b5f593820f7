import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/recommendations`.
struct RecommendationsAPIController: RecordAPI {
    static let resource = Resource.recommendation
    typealias Kind = Recommendations

    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.POST, .api(.record(.recommendation, id, .evidence)), access: write, use: addEvidence)
        RecordAPIActions(self).register(routes, list: list)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = Recommendations.Query()
        query.status = params.choice("status", RecommendationStatus.self)
        query.workingGroupID = params.uuid("workingGroup")
        query.organizationID = params.uuid("organization")
        query.includeDeleted = params.flag("deleted")
        query = try params.paged(query)
        return try APIJSON.response(APIPage(try await kind(req).list(query, by: req.actor)))
    }

    struct Body: VersionedBody {
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

    func input(_ body: Body, over current: RecommendationRecord?, _ req: Request) async throws -> RecommendationInput {
        try APIDays.requireDaysOrNull([("statusOn", body.statusOn)])
        if current == nil { try requireFields([("title", body.title != nil)]) }
        return body.input(over: current)
    }
    func output(_ item: RecommendationRecord) -> APIRecommendation { APIRecommendation(item) }

    @Sendable func addEvidence(_ req: Request) async throws -> Response {
        let actor = req.actor
        return try await linkEngagement(req, EngagementIDBody.self) { kind, engagementID, _, id in
            try await kind.addEvidence(engagement: engagementID, to: id, by: actor)
        }
    }
}

/// A recommendation as the API gives it, with its status steps and evidence.
struct APIRecommendation: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    var id: UUID, title: String, text: String?, level: String?, status: String, confidentiality: String
    var targets: [RecordRef], workingGroup: RecordRef?, statusHistory: [RecommendationStep], engagements: [RecordRef], contextEvents: [RecordRef], version: Int

    init(_ item: RecommendationRecord) {
        id = item.id; title = item.summary.title; text = item.text; level = item.summary.level?.rawValue; status = item.summary.status.rawValue
        confidentiality = item.summary.confidentiality.rawValue; targets = item.targets; workingGroup = item.workingGroup
        statusHistory = item.statusHistory
        engagements = item.engagements.map { RecordRef(id: $0.id, name: $0.title) }
        contextEvents = item.contextEvents.map { RecordRef(id: $0.id, name: $0.title) }
        version = item.version
        deleted = item.isDeleted
    }
}
