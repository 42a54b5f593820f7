import FluentKit
import SQLKit

/// Name words carry their record's sort name and who may see it (0 open, 1 restricted, 2 deleted), so a
/// name filter pages and counts from the words alone.
struct M0012_NameTokensCarrySortAndVisibility: AsyncMigration {
    var name: String { "M0012_NameTokensCarrySortAndVisibility" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NameTokens.schema)
            .field("sort_name", .string, .required, .sql(.default("")))
            .update()
        try await database.schema(NameTokens.schema)
            .field("visibility", .int, .required, .sql(.default(0)))
            .update()
        let sql = database.sql
        for (type, table, hasSensitivity) in [("person", "people", true), ("organization", "organizations", false), ("place", "places", false)] {
            let visibility: SQLQueryString = hasSensitivity
                ? "CASE WHEN r.deleted_at IS NOT NULL THEN 2 WHEN r.sensitivity = 'normal' THEN 0 ELSE 1 END"
                : "CASE WHEN r.deleted_at IS NOT NULL THEN 2 ELSE 0 END"
            try await sql.raw("""
                UPDATE \(ident: NameTokens.schema) SET \
                sort_name = COALESCE((SELECT r.sort_name FROM \(ident: table) r WHERE r.id = \(ident: NameTokens.schema).record_id), ''), \
                visibility = COALESCE((SELECT \(visibility) FROM \(ident: table) r WHERE r.id = \(ident: NameTokens.schema).record_id), 0) \
                WHERE record_type = \(bind: type)
                """).run()
        }
        // Replaces the look-up index: the same prefix search, now covering what lists page and count by.
        try await SQLIndex.drop("name_tokens_lookup", in: database)
        try await SQLIndex.create("name_tokens_lookup", on: NameTokens.schema,
                                  columns: ["record_type", "token", "visibility", "record_id", "sort_name"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop("name_tokens_lookup", in: database)
        try await SQLIndex.create("name_tokens_lookup", on: NameTokens.schema, columns: ["record_type", "token", "record_id"], in: database)
        try await database.schema(NameTokens.schema).deleteField("visibility").deleteField("sort_name").update()
    }
}
