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
        try await SQLIndex.create("audit_entries_at", on: AuditEntryModel.schema, columns: ["at"], in: database)
        try await SQLIndex.create("audit_entries_record", on: AuditEntryModel.schema, columns: ["record_id", "at"], in: database)
        try await SQLIndex.create("audit_entries_actor", on: AuditEntryModel.schema, columns: ["actor_label", "at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntryModel.schema).delete()
    }
}
