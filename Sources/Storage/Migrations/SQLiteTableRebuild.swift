import SQLKit

/// SQLite cannot change a table's key in place: a new table is made beside the old one, filled from it, and
/// takes its name (dropping the old table drops its indexes, which the caller makes again).
enum SQLiteTableRebuild {
    static func rebuild(_ table: String, into temporary: String, as definition: String, copying insert: String,
                        on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE \(ident: temporary) \(unsafeRaw: definition)").run()
        try await sql.raw("\(unsafeRaw: insert)").run()
        try await sql.raw("DROP TABLE \(ident: table)").run()
        try await sql.raw("ALTER TABLE \(ident: temporary) RENAME TO \(ident: table)").run()
    }
}
