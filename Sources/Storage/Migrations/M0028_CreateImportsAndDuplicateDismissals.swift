import FluentKit

/// Staged imports (a file kept between upload, mapping, check and confirmation) and pairs of records a
/// user marked as not the same, so that the duplicates page stops suggesting them.
struct M0028_CreateImportsAndDuplicateDismissals: AsyncMigration {
    var name: String { "M0028_CreateImportsAndDuplicateDismissals" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ImportBatchModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id"))
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("content", .string, .required)
            .field("mapping", .string, .required)
            .field("decisions", .string, .required)
            .field("status", .string, .required)
            .field("created_count", .int)
            .field("merged_count", .int)
            .field("failure", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await SQLIndex.create("import_batches_user", on: ImportBatchModel.schema, columns: ["user_id", "created_at"], in: database)
        try await database.schema(DuplicateDismissalModel.schema)
            .id()
            .field("record_type", .string, .required)
            .field("first_id", .uuid, .required)
            .field("second_id", .uuid, .required)
            .field("dismissed_by", .string, .required)
            .field("dismissed_at", .datetime, .required)
            .unique(on: "first_id", "second_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(DuplicateDismissalModel.schema, ImportBatchModel.schema)
    }
}
