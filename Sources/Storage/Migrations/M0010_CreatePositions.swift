import FluentKit

struct M0010_CreatePositions: AsyncMigration {
    var name: String { "M0010_CreatePositions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PositionModel.schema)
            .linking("person_id", to: PersonModel.schema, "organization_id", to: OrganizationModel.schema)
            .field("title", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create(on: PositionModel.schema, [
            "positions_person": ["person_id"],
            "positions_organization": ["organization_id"],
            "positions_created": ["created_at", "id"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PositionModel.schema).delete()
    }
}
