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
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create("context_events_period", on: ContextEventModel.schema, columns: ["starts_on", "ends_on"], in: database)
        try await database.schema(ContextEventPlaceModel.schema)
            .linking("event_id", to: ContextEventModel.schema, "place_id", to: PlaceModel.schema)
            .unique(on: "event_id", "place_id")
            .create()
        try await SQLIndex.create("context_event_places_place", on: ContextEventPlaceModel.schema, columns: ["place_id", "event_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(ContextEventPlaceModel.schema, ContextEventModel.schema)
    }
}
