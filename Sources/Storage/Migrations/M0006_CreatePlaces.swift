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
            .recordLifecycleColumns()
            .create()
        try await database.schema(PlaceNameModel.schema)
            .id()
            .field("place_id", .uuid, .required, .references(PlaceModel.schema, "id", onDelete: .cascade))
            .field("language", .string, .required)
            .field("name", .string, .required)
            .unique(on: "place_id", "language")
            .create()
        try await SQLIndex.create(on: PlaceModel.schema, [
            "places_parent": ["parent_id"],
            "places_sort_name": ["sort_name"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(PlaceNameModel.schema, PlaceModel.schema)
    }
}
