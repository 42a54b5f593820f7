import FluentKit

/// Context events and their places. Timelines ask "which events touch these days" (starts on or before
/// the period's end, ends on or after its start), newest first.
struct M0018_CreateContextEvents: AsyncMigration {
    var name: String { "M0018_CreateContextEvents" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ContextEventModel.schema)
            .id()
            .field("title", .string, .required)
            .field("kind", .string, .required)
            .field("severity", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("description", .string)
            .field("source_url", .string)
            .field("confidentiality", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create("context_events_period", on: ContextEventModel.schema, columns: ["starts_on", "ends_on"], in: database)
        try await database.schema(ContextEventPlaceModel.schema)
            .id()
            .field("event_id", .uuid, .required, .references(ContextEventModel.schema, "id"))
            .field("place_id", .uuid, .required, .references(PlaceModel.schema, "id"))
            .unique(on: "event_id", "place_id")
            .create()
        try await SQLIndex.create("context_event_places_place", on: ContextEventPlaceModel.schema, columns: ["place_id", "event_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContextEventPlaceModel.schema).delete()
        try await database.schema(ContextEventModel.schema).delete()
    }
}
