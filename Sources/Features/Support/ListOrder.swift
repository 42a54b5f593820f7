import FluentKit

/// A list's order as its address writes it: a column's name, with `-` before it for the other way round
/// (`-signed` is the most recently signed first). Each list names the columns it sorts by and the
/// database field behind each; anything else leaves the list in its own order.
public struct ListOrder: Sendable, Equatable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }

    /// Reads `text` when it names one of `columns`; nil otherwise.
    public init?(_ text: String, columns: some Sequence<String>) {
        let descending = text.hasPrefix("-")
        let column = String(descending ? text.dropFirst() : Substring(text))
        guard columns.contains(column) else { return nil }
        self.init(column, descending: descending)
    }

    public var text: String { (descending ? "-" : "") + column }
}

extension QueryBuilder {
    /// Sorts by the order's column (its field in `fields`), then by identity so that pages never overlap,
    /// or by `otherwise` when there is no order or the list does not know its column.
    func sort(by order: ListOrder?, fields: [String: FieldKey], otherwise: (QueryBuilder) -> QueryBuilder) -> QueryBuilder {
        guard let order, let field = fields[order.column] else { return otherwise(self) }
        let direction: DatabaseQuery.Sort.Direction = order.descending ? .descending : .ascending
        return sort(field, direction).sort(.id, direction)
    }
}
