import FluentKit

/// Captures sent from devices, each kept once for its author (a resend finds the record it made), and the
/// ones their author has to look at.
struct M0035_Captures: AsyncMigration {
    var name: String { "M0035_Captures" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CaptureModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("capture_key", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .uuid, .required)
            .field("fingerprint", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id", "capture_key")
            .create()
        try await database.schema(CaptureReviewModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("capture_key", .string, .required)
            .field("record_type", .string, .required)
            .field("record_id", .uuid)
            .field("reason", .string, .required)
            .field("content", .string, .required)
            .field("created_at", .datetime, .required)
            .field("dismissed_at", .datetime)
            .create()
        try await SQLIndex.create("capture_reviews_user", on: CaptureReviewModel.schema, columns: ["user_id", "created_at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(CaptureReviewModel.schema, CaptureModel.schema)
    }
}
