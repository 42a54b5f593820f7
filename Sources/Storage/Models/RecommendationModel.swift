import Domain
import FluentKit
import Foundation

/// A policy recommendation (`Domain.RecommendationStatus`).
public final class RecommendationModel: Model, @unchecked Sendable {
    public static let schema = "recommendations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @OptionalField(key: "text") public var text: String?
    @OptionalField(key: "level") public var level: GovernanceLevel?
    @Field(key: "status") public var status: RecommendationStatus
    @OptionalField(key: "working_group_id") public var workingGroupID: UUID?
    @Field(key: "confidentiality") public var confidentiality: Confidentiality
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] {
        [$id, $title, $text, $level, $status, $workingGroupID, $confidentiality, $createdAt, $updatedAt, $deletedAt, $version]
    }

    public init() {}
}

/// An institution a recommendation is addressed to.
public final class RecommendationTargetModel: LinkModel, @unchecked Sendable {
    public static let schema = "recommendation_targets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    @Field(key: "organization_id") public var organizationID: UUID

    /// Listed by hand (see `RecommendationModel.properties`).
    public var properties: [any AnyProperty] { [$id, $recommendationID, $organizationID] }

    public init() {}

    public static var owner: Link { \.$recommendationID }
    public static var target: Link { \.$organizationID }
}

/// One step of a recommendation's status, with the day it took effect. Append-only.
public final class RecommendationStatusChangeModel: StatusStepModel, @unchecked Sendable {
    public static let schema = "recommendation_status_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    @Field(key: "status") public var status: RecommendationStatus
    @Field(key: "effective_on") public var effectiveOn: Day
    @Field(key: "recorded_at") public var recordedAt: Date

    /// Listed by hand (see `RecommendationModel.properties`).
    public var properties: [any AnyProperty] { [$id, $recommendationID, $status, $effectiveOn, $recordedAt] }

    public init() {}

    public static var owner: Owner { \.$recommendationID }
}

/// What a recommendation rests on: an engagement (a forum, a meeting) or a context event.
public final class RecommendationEvidenceModel: Model, @unchecked Sendable {
    public static let schema = "recommendation_evidence"

    @ID(key: .id) public var id: UUID?
    @Field(key: "recommendation_id") public var recommendationID: UUID
    @OptionalField(key: "engagement_id") public var engagementID: UUID?
    @OptionalField(key: "context_event_id") public var contextEventID: UUID?

    /// Listed by hand (see `RecommendationModel.properties`).
    public var properties: [any AnyProperty] { [$id, $recommendationID, $engagementID, $contextEventID] }

    public init() {}

    public init(recommendationID: UUID, engagementID: UUID?, contextEventID: UUID?) {
        self.id = UUID()
        self.recommendationID = recommendationID
        self.engagementID = engagementID
        self.contextEventID = contextEventID
    }
}
