import FluentKit
import SQLKit

/// Two things that keep a name filter inside the name index at 100,000 people:
/// - every word row carries all its record's words (" agon krasniqi "), so "agon krasniqi" narrows the
///   3,883 "krasniqi" rows by reading them, not by looking each one up among the 2,356 "agon" rows;
/// - a second index holds the words in list order, so a common name's first pages are read in order
///   (the matching rows one after another) instead of sorting every match first.
struct M0017_NameTokensInNameOrderWithAllWords: AsyncMigration {
    var name: String { "M0017_NameTokensInNameOrderWithAllWords" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NameTokens.schema)
            .field("words", .string, .required, .sql(.default("")))
            .update()
        let sql = database.sql
        let concatenated: SQLQueryString = sql.dialect.name == "postgresql" ? "string_agg(t.token, ' ')" : "group_concat(t.token, ' ')"
        try await sql.raw("""
            UPDATE \(ident: NameTokens.schema) SET words = ' ' || COALESCE((SELECT \(concatenated) FROM \(ident: NameTokens.schema) t \
            WHERE t.record_id = \(ident: NameTokens.schema).record_id), '') || ' '
            """).run()
        try await SQLIndex.drop(NameTokens.lookupIndex, in: database)
        try await SQLIndex.create(NameTokens.lookupIndex, on: NameTokens.schema,
                                  columns: ["record_type", "token", "visibility", "record_id", "sort_name", "words"], in: database)
        try await SQLIndex.create(NameTokens.nameOrderIndex, on: NameTokens.schema,
                                  columns: ["record_type", "sort_name", "record_id", "token", "visibility", "words"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop(NameTokens.nameOrderIndex, in: database)
        try await SQLIndex.drop(NameTokens.lookupIndex, in: database)
        try await SQLIndex.create(NameTokens.lookupIndex, on: NameTokens.schema,
                                  columns: ["record_type", "token", "visibility", "record_id", "sort_name"], in: database)
        try await database.schema(NameTokens.schema).deleteField("words").update()
    }
}
