import FluentKit

/// The public update of a visit and its publication decisions.
struct M0025_CreatePublicUpdates: AsyncMigration {
    var name: String { "M0025_CreatePublicUpdates" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PublicUpdateModel.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(FieldVisitModel.schema, "id"))
            .field("headline", .string)
            .field("lead", .string)
            .field("closing", .string)
            .field("decisions", .string, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "visit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PublicUpdateModel.schema).delete()
    }
}
