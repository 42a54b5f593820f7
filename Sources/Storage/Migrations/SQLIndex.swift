import FluentKit
import SQLKit

/// Plain (non-unique) indexes, which Fluent's schema builder cannot express; SQLKit's are portable.
enum SQLIndex {
    static func create(_ name: String, on table: String, columns: [String], in database: any Database) async throws {
        let sql = database.sql
        var builder = sql.create(index: name).on(table)
        for column in columns { builder = builder.column(column) }
        try await builder.run()
    }

    /// Several indexes on one table, made in the order listed (name: columns).
    static func create(on table: String, _ indexes: KeyValuePairs<String, [String]>, in database: any Database) async throws {
        for (name, columns) in indexes { try await create(name, on: table, columns: columns, in: database) }
    }

    static func drop(_ name: String, in database: any Database) async throws {
        let sql = database.sql
        try await sql.drop(index: name).ifExists().run()
    }
}
