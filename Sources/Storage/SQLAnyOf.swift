import Foundation
import SQLKit

/// `column IN (…)` for a list of identities, written so that its text does not change with the list's length
/// on PostgreSQL: `column = ANY($1)`, the identities bound as one array. Each length of `IN ($1, $2, …)` was a
/// statement text of its own there, to parse and plan anew and impossible to prepare once (`PreparedSQL`).
/// SQLite has no arrays and prepares in microseconds: it gets `IN (?, ?, …)` as before.
public struct SQLAnyOf: SQLExpression {
    let column: any SQLExpression
    let ids: [UUID]

    public init(_ column: any SQLExpression, _ ids: [UUID]) {
        self.column = column
        self.ids = ids
    }

    public func serialize(to serializer: inout SQLSerializer) {
        column.serialize(to: &serializer)
        if serializer.dialect.name == "postgresql" {
            serializer.write(" = ANY(")
            SQLBind(ids).serialize(to: &serializer)
            serializer.write(")")
        } else {
            serializer.write(" IN ")
            SQLBind.group(ids).serialize(to: &serializer)
        }
    }
}
