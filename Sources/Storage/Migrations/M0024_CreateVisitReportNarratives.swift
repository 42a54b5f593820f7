import FluentKit

/// The author's own sections of a visit report.
struct M0024_CreateVisitReportNarratives: AsyncMigration {
    var name: String { "M0024_CreateVisitReportNarratives" }

    func prepare(on database: any Database) async throws {
        try await database.schema(VisitReportNarrativeModel.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(FieldVisitModel.schema, "id"))
            .field("introduction", .string)
            .field("conclusions", .string)
            .field("next_steps", .string)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .unique(on: "visit_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(VisitReportNarrativeModel.schema).delete()
    }
}
