import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Policy recommendations: what they ask, of whom, how far they have got (each step dated, along the
/// rule in `RecommendationFlow`), and the engagements and context events they rest on.
public struct Recommendations: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "recommendation"

    public struct Query: Sendable, Equatable {
        public var status: RecommendationStatus?
        public var workingGroupID: UUID?
        public var organizationID: UUID?
        public var includeDeleted = false
        /// By title or last change; the last changed first when nil.
        public var order: ListOrder?
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    /// The columns the list sorts by, and the field behind each.
    public static let orderFields: [String: FieldKey] = ["title": "title", "changed": "updated_at"]

    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<RecommendationSummary> {
        try actor.require(.readRecords)
        var builder = visible(to: actor, includeDeleted: query.includeDeleted)
        if let status = query.status { builder = builder.filter(\.$status == status) }
        if let group = query.workingGroupID { builder = builder.filter(\.$workingGroupID == group) }
        if let org = query.organizationID {
            builder = builder.filter(\.$id ~~ (try await RecommendationTargetModel.owners(linkedTo: [org], on: database)))
        }
        let found = try await fetchPage(builder.sort(by: query.order, fields: Self.orderFields) { $0.sort(\.$updatedAt, .descending).sort(\.$id) }, page: query.page, perPage: query.perPage)
        return found.map(Self.summary)
    }

    /// The board: every recommendation the actor may see, by status (at most 500 a column).
    public func board(by actor: Actor) async throws -> [(status: RecommendationStatus, items: [RecommendationSummary])] {
        try actor.require(.readRecords)
        let all = try await visible(to: actor, includeDeleted: false).sort(\.$updatedAt, .descending).limit(RecommendationStatus.allCases.count * 500).all()
        let byStatus = Dictionary(grouping: all.map(Self.summary), by: \.status)
        return RecommendationStatus.board.map { ($0, Array((byStatus[$0] ?? []).prefix(500))) }
    }

    /// Recommendations for a menu (an engagement that is evidence for one).
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await visible(to: actor, includeDeleted: false).sort(\.$updatedAt, .descending).limit(200).all().map { RecordRef(id: $0.id!, name: $0.title) }
    }

    /// The recommendations an engagement is evidence for.
    public func restingOn(engagement engagementID: UUID, by actor: Actor) async throws -> [RecordRef] {
        try await visible(to: actor, includeDeleted: false)
            .linked(through: RecommendationEvidenceModel.schema, "recommendation_id", where: "engagement_id", is: engagementID)
            .sort(\.$title).all().map { RecordRef(id: $0.id!, name: $0.title) }
    }

    static func summary(_ model: RecommendationModel) -> RecommendationSummary {
        RecommendationSummary(id: model.id!, title: model.title, status: model.status, level: model.level, confidentiality: model.confidentiality,
                              isDeleted: model.deletedAt != nil)
    }

    public func record(_ model: RecommendationModel, by actor: Actor) async throws -> RecommendationRecord {
        let id = model.id!
        let targetIDs = try await RecommendationTargetModel.targets(of: id, on: database)
        let targets = try await OrganizationModel.query(on: database).filter(\.$id ~~ targetIDs).filter(\.$deletedAt == nil).sort(\.$name).all()
            .map { RecordRef(id: $0.id!, name: $0.name) }
        var group: RecordRef?
        if let groupID = model.workingGroupID {
            group = try await WorkingGroups(database: database).visible(to: actor, includeDeleted: false).filter(\.$id == groupID).first()
                .map { RecordRef(id: $0.id!, name: $0.name) }
        }
        let steps = try await RecommendationStatusChangeModel.history(of: id, on: database)
        let evidence = try await RecommendationEvidenceModel.query(on: database).filter(\.$recommendationID == id).all()
        let engagements = try await Engagements(database: database, language: language).summaries(ids: evidence.compactMap(\.engagementID), by: actor)
        var context: [ContextEventSummary] = []
        let contextIDs = evidence.compactMap(\.contextEventID)
        if !contextIDs.isEmpty {
            let events = ContextEvents(database: database, language: language)
            let models = try await events.visible(to: actor, includeDeleted: false).filter(\.$id ~~ contextIDs).sort(\.$startsOn).all()
            let places = try await events.placesOf(models.map { $0.id! })
            context = models.map { ContextEvents.summary($0, places: places[$0.id!] ?? []) }
        }
        return RecommendationRecord(summary: Self.summary(model), text: model.text, targets: targets, workingGroup: group, statusHistory: steps,
                                    engagements: engagements, contextEvents: context, version: model.version)
    }
}
