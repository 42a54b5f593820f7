import FluentKit

struct M0016_CreateEngagementKinds: AsyncMigration {
    var name: String { "M0016_CreateEngagementKinds" }

    func prepare(on database: any Database) async throws {
        try await database.schema(EngagementKindModel.schema)
            .id()
            .field("key", .string, .required)
            .field("label", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EngagementKindModel.schema).delete()
    }
}
