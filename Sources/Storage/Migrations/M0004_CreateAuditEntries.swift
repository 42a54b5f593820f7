import FluentKit

struct M0004_CreateAuditEntries: AsyncMigration {
    var name: String { "M0004_CreateAuditEntries" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .uuid)
            .field("record_label", .string, .required)
            .field("changes", .string, .required)
            .field("address", .string)
            .create()
        try await SQLIndex.create(on: AuditEntryModel.schema, [
            "audit_entries_at": ["at"],
            "audit_entries_record": ["record_id", "at"],
            "audit_entries_actor": ["actor_label", "at"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema).delete()
    }
}
