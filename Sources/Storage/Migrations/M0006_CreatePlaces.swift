import FluentKit

struct M0006_CreatePlaces: AsyncMigration {
    var name: String { "M0006_CreatePlaces" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PlaceModel.schema)
            .id()
            .field("kind", .string, .required)
            .field("parent_id", .uuid, .references(PlaceModel.schema, "id"))
            .field("sort_name", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await database.schema(PlaceNameModel.schema)
            .id()
            .field("place_id", .uuid, .required, .references(PlaceModel.schema, "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("name", .string, .required)
            .unique(on: "place_id", "language")
            .create()
        try await SQLIndex.create("places_parent", on: PlaceModel.schema, columns: ["parent_id"], in: database)
        try await SQLIndex.create("places_sort_name", on: PlaceModel.schema, columns: ["sort_name"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlaceNameModel.schema).delete()
        try await database.schema(PlaceModel.schema).delete()
    }
}
