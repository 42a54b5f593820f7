import FluentKit
import FluentSQL
import Foundation

extension QueryBuilder {
    /// Only the rows a link table ties to `id` (`id IN (SELECT column FROM table WHERE other = id)`), in the
    /// same statement as the rest of the query rather than a look-up of the links first: one statement a
    /// list instead of two, and none of the links' identities carried back and forth.
    func linked(through table: String, _ column: String, where other: String, is id: UUID) -> QueryBuilder<Model> {
        filter(.sql(embed: """
            \(ident: Model.schema).\(ident: "id") IN (SELECT \(ident: column) FROM \(ident: table) WHERE \(ident: other) = \(bind: id))
            """))
    }
}
