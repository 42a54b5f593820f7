import FluentKit
import SQLKit

/// SQLite cannot change a table's key in place: a new table is made beside the old one, filled from it, and
/// takes its name (dropping the old table drops its indexes, which `indexes` makes again). All of it in one
/// transaction: a process stopped half-way (after the old table was dropped, say) leaves the table as it was.
enum SQLiteTableRebuild {
    static func rebuild(_ table: String, into temporary: String, as definition: String, copying insert: String,
                        on database: any Database, indexes: @escaping @Sendable (any Database) async throws -> Void) async throws {
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("CREATE TABLE \(ident: temporary) \(unsafeRaw: definition)").run()
            try await sql.raw("\(unsafeRaw: insert)").run()
            try await sql.raw("DROP TABLE \(ident: table)").run()
            try await sql.raw("ALTER TABLE \(ident: temporary) RENAME TO \(ident: table)").run()
            try await indexes(tx)
        }
    }
}
