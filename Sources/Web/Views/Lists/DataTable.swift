import Domain
import Features
import Markup

/// A list as a table. Column headers that sort are links (the filters kept, back to page one), so sorting
/// works without scripts and a sorted list can be bookmarked. On a phone each row reads as a card whose
/// cells carry their column's name (the stylesheet shows `data-label`) instead of a table scrolling sideways.
struct DataTable<Row> {
    struct Column {
        var label: String
        /// The list's `sort` values for this column, when it sorts.
        var sorts: ColumnSorts? = nil
        /// Whether the row has nothing for this cell: a phone leaves it out of the row's card rather than show
        /// the column's name with nothing after it.
        var isEmpty: ((Row) -> Bool)? = nil
        var cell: (Row) -> Component

        init(label: String, sorts: ColumnSorts? = nil, cell: @escaping (Row) -> Component) {
            self.label = label
            self.sorts = sorts
            self.cell = cell
        }

        init(label: String, sorts: ColumnSorts? = nil, words: @escaping (Row) -> String) {
            self.label = label
            self.sorts = sorts
            self.isEmpty = { words($0).isEmpty }
            self.cell = { Text(words($0)) }
        }

        /// A cell for something the row may not have (an engagement's field visit), shown when it has it.
        init<Value>(label: String, sorts: ColumnSorts? = nil, ifPresent value: @escaping (Row) -> Value?,
                    cell: @escaping (Value) -> Component) {
            self.label = label
            self.sorts = sorts
            self.isEmpty = { value($0) == nil }
            self.cell = { row in value(row).map(cell) ?? H.empty }
        }
    }

    /// A column's two orders as the list's address writes them (`name` and `-name`).
    struct ColumnSorts {
        var ascending: String
        var descending: String
        /// Dates read newest first; names A to Z.
        var descendingFirst = false
    }

    /// Rows that can be chosen for an action on several at once: the form the boxes belong to (the form
    /// stands outside the table, so the boxes name it), each row's value and the name read out for its box.
    struct Selection {
        var form: String
        var value: (Row) -> String
        var name: (Row) -> String
    }

    /// A row of the table, or a line across it (a context event between engagements).
    enum Entry {
        case row(Row)
        case across(Component, cssClass: String)
    }

    var label: String
    var columns: [Column]
    /// The list's sort as chosen, and its address sorted another way.
    var sort = ""
    var sortedBy: (String) -> String = { _ in "" }
    var selection: Selection? = nil
    var rowClass: (Row) -> String? = { _ in nil }

    func view(_ rows: [Row], text: Localizer) -> Component { view(entries: rows.map { .row($0) }, text: text) }

    func view(entries: [Entry], text: Localizer) -> Component {
        H.el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", label)]) {
            H.el("table", [("class", "data-table")]) {
                H.el("thead") {
                    H.el("tr") {
                        if selection != nil {
                            H.el("th", [("scope", "col"), ("class", "select")]) {
                                H.text("span", [("class", "visually-hidden")], text("list.select"))
                            }
                        }
                        for column in columns { header(column) }
                    }
                }
                H.el("tbody") { for entry in entries { self.row(entry, text: text) } }
            }
        }
    }

    func header(_ column: Column) -> Component {
        guard let sorts = column.sorts else { return H.text("th", [("scope", "col")], column.label) }
        let state = sort == sorts.ascending ? "ascending" : sort == sorts.descending ? "descending" : nil
        let next: String
        switch state {
        case "ascending": next = sorts.descending
        case "descending": next = sorts.ascending
        default: next = sorts.descendingFirst ? sorts.descending : sorts.ascending
        }
        return H.el("th", [("scope", "col"), ("aria-sort", state)]) {
            H.el("a", [("href", sortedBy(next)), ("class", "sort")]) {
                Text(column.label)
                H.text("span", [("class", "sort-mark"), ("aria-hidden", "true")],
                       state == "ascending" ? " ▲" : state == "descending" ? " ▼" : " ↕")
            }
        }
    }

    func row(_ entry: Entry, text: Localizer) -> Component {
        switch entry {
        case .across(let content, let cssClass):
            return H.el("tr", [("class", cssClass)]) {
                H.el("td", [("colspan", String(columns.count + (selection == nil ? 0 : 1)))]) { content }
            }
        case .row(let row):
            return H.el("tr", [("class", rowClass(row))]) {
                if let selection {
                    H.el("td", [("class", "select")]) {
                        H.void("input", [("type", "checkbox"), ("name", "id[]"), ("value", selection.value(row)),
                                         ("form", selection.form),
                                         ("aria-label", text("list.selectRow", selection.name(row)))])
                    }
                }
                for (index, column) in columns.enumerated() {
                    // The first column names the row; on a phone it is the card's heading, without a label.
                    let isEmpty = column.isEmpty?(row) ?? false
                    H.el("td", [("data-label", index == 0 ? nil : column.label), ("class", isEmpty ? "empty" : nil)]) {
                        column.cell(row)
                    }
                }
            }
        }
    }
}
