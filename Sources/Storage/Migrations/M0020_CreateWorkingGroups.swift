import FluentKit

/// Working groups, their members over time, their meetings (engagements) and what they owe.
struct M0020_CreateWorkingGroups: AsyncMigration {
    var name: String { "M0020_CreateWorkingGroups" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WorkingGroupModel.schema)
            .id()
            .field("name", .string, .required)
            .field("purpose", .string)
            .field("agreement_id", .uuid, .references(AgreementModel.schema, "id"))
            .field("confidentiality", .string, .required)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create("working_groups_agreement", on: WorkingGroupModel.schema, columns: ["agreement_id"], in: database)
        try await database.schema(WorkingGroupMemberModel.schema)
            .linking("group_id", to: WorkingGroupModel.schema, "person_id", to: PersonModel.schema)
            .field("part", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .create()
        try await SQLIndex.create(on: WorkingGroupMemberModel.schema, [
            "working_group_members_group": ["group_id"],
            "working_group_members_person": ["person_id"],
        ], in: database)
        try await database.schema(WorkingGroupMeetingModel.schema)
            .linking("group_id", to: WorkingGroupModel.schema, "engagement_id", to: EngagementModel.schema)
            .unique(on: "group_id", "engagement_id")
            .create()
        try await SQLIndex.create("working_group_meetings_engagement", on: WorkingGroupMeetingModel.schema, columns: ["engagement_id"], in: database)
        try await database.schema(DeliverableModel.schema)
            .id()
            .field("group_id", .uuid, .required, .references(WorkingGroupModel.schema, "id"))
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create("deliverables_group", on: DeliverableModel.schema, columns: ["group_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(DeliverableModel.schema, WorkingGroupMeetingModel.schema,
                                         WorkingGroupMemberModel.schema, WorkingGroupModel.schema)
    }
}
