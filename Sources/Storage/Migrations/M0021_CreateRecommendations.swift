import FluentKit

/// Recommendations, the institutions they address, the dated steps of their status, and their evidence.
struct M0021_CreateRecommendations: AsyncMigration {
    var name: String { "M0021_CreateRecommendations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(RecommendationModel.schema)
            .id()
            .field("title", .string, .required)
            .field("text", .string)
            .field("level", .string)
            .field("status", .string, .required)
            .field("working_group_id", .uuid, .references(WorkingGroupModel.schema, "id"))
            .field("confidentiality", .string, .required)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create(on: RecommendationModel.schema, [
            "recommendations_status": ["deleted_at", "status"],
            "recommendations_group": ["working_group_id"],
        ], in: database)
        try await database.schema(RecommendationTargetModel.schema)
            .linking("recommendation_id", to: RecommendationModel.schema, "organization_id", to: OrganizationModel.schema)
            .unique(on: "recommendation_id", "organization_id")
            .create()
        try await SQLIndex.create("recommendation_targets_organization", on: RecommendationTargetModel.schema, columns: ["organization_id"], in: database)
        try await database.schema(RecommendationStatusChangeModel.schema)
            .id()
            .field("recommendation_id", .uuid, .required, .references(RecommendationModel.schema, "id"))
            .field("status", .string, .required)
            .field("effective_on", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await SQLIndex.create("recommendation_status_changes_recommendation", on: RecommendationStatusChangeModel.schema,
                                  columns: ["recommendation_id", "effective_on"], in: database)
        try await database.schema(RecommendationEvidenceModel.schema)
            .id()
            .field("recommendation_id", .uuid, .required, .references(RecommendationModel.schema, "id"))
            .field("engagement_id", .uuid, .references(EngagementModel.schema, "id"))
            .field("context_event_id", .uuid, .references(ContextEventModel.schema, "id"))
            .create()
        try await SQLIndex.create(on: RecommendationEvidenceModel.schema, [
            "recommendation_evidence_recommendation": ["recommendation_id"],
            "recommendation_evidence_engagement": ["engagement_id"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(RecommendationEvidenceModel.schema, RecommendationStatusChangeModel.schema,
                                         RecommendationTargetModel.schema, RecommendationModel.schema)
    }
}
