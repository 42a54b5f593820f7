import FluentKit
import SQLKit

extension Database {
    /// This database as SQLKit sees it, for what Fluent's query builder cannot say: aggregates, the name index,
    /// full-text search, batched inserts, `INDEXED BY`, migrations that rebuild tables.
    ///
    /// Roundtable runs on SQLite or PostgreSQL, and both drivers — and every transaction on them — are SQL
    /// databases, so in the app and its tests this always answers. It traps rather than returning nothing:
    /// a use case that quietly skipped its SQL would show no quotes or leave a record out of the search index
    /// without a word. The trap's backtrace names the call that needed SQL.
    public var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else {
            preconditionFailure("""
                Roundtable reads and writes with SQL (SQLite or PostgreSQL), and \(type(of: self)) is not an SQL database: \
                configure one of the two drivers in DatabaseSetup.
                """)
        }
        return sql
    }
}
