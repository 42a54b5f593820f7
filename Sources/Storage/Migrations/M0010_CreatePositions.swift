import FluentKit

struct M0010_CreatePositions: AsyncMigration {
    var name: String { "M0010_CreatePositions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PositionModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id"))
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("title", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create("positions_person", on: PositionModel.schema, columns: ["person_id"], in: database)
        try await SQLIndex.create("positions_organization", on: PositionModel.schema, columns: ["organization_id"], in: database)
        try await SQLIndex.create("positions_created", on: PositionModel.schema, columns: ["created_at", "id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PositionModel.schema).delete()
    }
}
