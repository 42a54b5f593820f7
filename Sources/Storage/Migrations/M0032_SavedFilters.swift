import FluentKit

/// Filters of a list that a user saved under a name; one name a list for each user.
struct M0032_SavedFilters: AsyncMigration {
    var name: String { "M0032_SavedFilters" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SavedFilterModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("list", .string, .required)
            .field("name", .string, .required)
            .field("query", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "list", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SavedFilterModel.schema).delete()
    }
}
