import FluentKit

/// Agreements, their parties, the dated steps of their status, and the engagements that discussed or signed them.
struct M0019_CreateAgreements: AsyncMigration {
    var name: String { "M0019_CreateAgreements" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AgreementModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("focus", .string)
            .field("topics", .string, .required)
            .field("signed_on", .string)
            .field("valid_until", .string)
            .field("status", .string, .required)
            .field("confidentiality", .string, .required)
            .field("notes", .string)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create("agreements_signed", on: AgreementModel.schema, columns: ["deleted_at", "signed_on"], in: database)
        try await database.schema(AgreementPartyModel.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgreementModel.schema, "id"))
            .field("organization_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("person_id", .uuid, .references(PersonModel.schema, "id"))
            .field("part", .string, .required)
            .create()
        try await SQLIndex.create(on: AgreementPartyModel.schema, [
            "agreement_parties_agreement": ["agreement_id"],
            "agreement_parties_organization": ["organization_id"],
            "agreement_parties_person": ["person_id"],
        ], in: database)
        try await database.schema(AgreementStatusChangeModel.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgreementModel.schema, "id"))
            .field("status", .string, .required)
            .field("effective_on", .string, .required)
            .field("recorded_at", .datetime, .required)
            .create()
        try await SQLIndex.create("agreement_status_changes_agreement", on: AgreementStatusChangeModel.schema, columns: ["agreement_id", "effective_on"], in: database)
        try await database.schema(AgreementEngagementModel.schema)
            .linking("agreement_id", to: AgreementModel.schema, "engagement_id", to: EngagementModel.schema)
            .field("link", .string, .required)
            .unique(on: "agreement_id", "engagement_id")
            .create()
        try await SQLIndex.create("agreement_engagements_engagement", on: AgreementEngagementModel.schema, columns: ["engagement_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(AgreementEngagementModel.schema, AgreementStatusChangeModel.schema,
                                         AgreementPartyModel.schema, AgreementModel.schema)
    }
}
