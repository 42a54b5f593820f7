import FluentKit

/// Dated assessments of people and organisations for the stakeholder grid.
struct M0026_CreateStakeholderAssessments: AsyncMigration {
    var name: String { "M0026_CreateStakeholderAssessments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(StakeholderAssessmentModel.schema)
            .id()
            .field("person_id", .uuid, .references(PersonModel.schema, "id"))
            .field("organization_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("assessed_on", .string, .required)
            .field("influence", .int, .required)
            .field("interest", .int, .required)
            .field("stance", .string, .required)
            .field("notes", .string)
            .field("assessed_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .create()
        try await SQLIndex.create(on: StakeholderAssessmentModel.schema, [
            "stakeholder_assessments_person": ["person_id", "assessed_on"],
            "stakeholder_assessments_organization": ["organization_id", "assessed_on"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(StakeholderAssessmentModel.schema).delete()
    }
}
