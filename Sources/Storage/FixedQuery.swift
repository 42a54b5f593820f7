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
/// A value is text or an identity (`FixedValue`): PostgreSQL infers each parameter's type when it prepares the
/// statement, and takes an identity only as an identity. `{n}` is a value wherever it stands, inside a quoted
/// literal too, so a fixed query's text writes no such literal.
public protocol FixedQuery: Sendable {
    /// The statement's name on a PostgreSQL connection; unique among fixed queries.
    static var name: String { get }
    /// The SQL, its values written `{1}`, `{2}`… in the order of `rows(binding:on:)`'s values.
    static var sql: String { get }
}

extension FixedQuery {
    /// The rows of the query with these values.
    public static func rows(binding values: [FixedValue], on database: any Database) async throws -> [any SQLRow] {
        let text = FixedQueryText(sql)
        // A text naming a value it is not given is the query's own mistake, whichever database runs it.
        if let beyond = text.values.first(where: { $0 >= values.count }) {
            preconditionFailure("\(Self.self) names {\(beyond + 1)} but is given \(values.count) values")
        }
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
        return try await database.sql.raw(sqlQueryString(values, text: text)).all()
    }

    /// The text with PostgreSQL's numbered parameters (`$1`, `$2`…). PostgresNIO asks for it on every run.
    static var postgresSQL: String {
        let text = FixedQueryText(sql)
        var written = String(text.pieces[0])
        for (value, piece) in zip(text.values, text.pieces.dropFirst()) { written += "$\(value + 1)" + piece }
        return written
    }

    /// The text (cut at its values already) with its values bound through SQLKit, for any other database.
    static func sqlQueryString(_ values: [FixedValue], text: FixedQueryText) -> SQLQueryString {
        var query: SQLQueryString = ""
        query.appendInterpolation(unsafeRaw: String(text.pieces[0]))
        for (value, piece) in zip(text.values, text.pieces.dropFirst()) {
            switch values[value] {
            case .text(let string): query.appendInterpolation(bind: string)
            case .id(let id): query.appendInterpolation(bind: id)
            }
            query.appendInterpolation(unsafeRaw: String(piece))
        }
        return query
    }
}

/// A value bound to a fixed query.
public enum FixedValue: Sendable, Equatable {
    case text(String)
    /// An identity: PostgreSQL's `uuid`; on SQLite, bound as Fluent binds one.
    case id(UUID)
}

/// What PostgresNIO prepares and runs for a `FixedQuery`: its name and SQL come from the query's type, so the
/// connection prepares it the first time and reuses it after.
struct PreparedFixedQuery<Query: FixedQuery>: PostgresPreparedStatement {
    static var name: String { "roundtable_" + Query.name }
    static var sql: String { Query.postgresSQL }

    let values: [FixedValue]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): bindings.append(text)
            case .id(let id): bindings.append(id)
            }
        }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> any SQLRow { row.sql() }
}
