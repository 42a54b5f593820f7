import FluentKit
import FluentPostgresDriver
import Foundation
import SQLKit

/// A read whose SQL never changes and that runs on every request: the session behind a cookie, the user
/// behind an API token. PostgreSQL parses and plans each statement Fluent sends (an unnamed statement, its
/// text built at run time), which for these took 0.2–0.7 ms of a page in PostgreSQL's log, more than running
/// them. Declared here with its text fixed, such a read is prepared once on each PostgreSQL connection
/// (PostgresNIO's `PostgresPreparedStatement`, which asks for exactly that: SQL known from the type) and then
/// only bound and run; PostgreSQL switches a prepared statement to a plan it keeps after five runs when that
/// plan costs no more. SQLite runs the same text as any other statement (it prepares in microseconds).
///
/// The text names its values `{1}`, `{2}`…: `$1`, `$2`… on PostgreSQL, bound values through SQLKit on SQLite,
/// so one text serves both databases. Rows come back as `SQLRow`s on both, decoded by the same code.
public protocol FixedQuery: Sendable {
    /// The statement's name on a PostgreSQL connection; unique among fixed queries.
    static var name: String { get }
    /// The SQL, its values written `{1}`, `{2}`… in the order of `rows(binding:on:)`'s values.
    static var sql: String { get }
}

extension FixedQuery {
    /// The rows of the query with these values (text: every fixed query so far looks up by a hash).
    public static func rows(binding values: [String], on database: any Database) async throws -> [any SQLRow] {
        if let postgres = database as? any PostgresDatabase {
            let statement = PreparedFixedQuery<Self>(values: values)
            let logger = database.logger
            return try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    var rows: [any SQLRow] = []
                    for try await row in try await connection.execute(statement, logger: logger) { rows.append(row) }
                    return rows
                }
            }.get()
        }
        return try await database.sql.raw(sqlQueryString(values)).all()
    }

    /// The text with PostgreSQL's numbered parameters (`$1`, `$2`…).
    static var postgresSQL: String {
        sql.replacing(#/\{(\d+)\}/#) { "$" + $0.output.1 }
    }

    /// The text with its values bound through SQLKit, for any other database.
    static func sqlQueryString(_ values: [String]) -> SQLQueryString {
        var query: SQLQueryString = ""
        var rest = Substring(sql)
        while let numbered = rest.firstMatch(of: #/\{(\d+)\}/#) {
            query.appendInterpolation(unsafeRaw: String(rest[..<numbered.range.lowerBound]))
            query.appendInterpolation(bind: values[Int(numbered.output.1)! - 1])
            rest = rest[numbered.range.upperBound...]
        }
        query.appendInterpolation(unsafeRaw: String(rest))
        return query
    }
}

/// What PostgresNIO prepares and runs for a `FixedQuery`: its name and SQL come from the query's type, so the
/// connection prepares it the first time and reuses it after.
struct PreparedFixedQuery<Query: FixedQuery>: PostgresPreparedStatement {
    static var name: String { "roundtable_" + Query.name }
    static var sql: String { Query.postgresSQL }

    let values: [String]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { bindings.append(value) }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> any SQLRow { row.sql() }
}
