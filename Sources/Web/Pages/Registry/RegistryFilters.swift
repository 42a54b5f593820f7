import Domain
import Features
import Markup

/// Filters the registry's lists share: the name box that matches any spelling, the order, deleted records.
enum RegistryFilters {
    static func nameBox(_ value: String, text: Localizer) -> Component {
        Forms.field(label: text("list.filterBox"), name: "q", type: "search", value: value,
                    help: text("list.filterBox.help"))
    }

    static func sortAndDeleted(sort: String, includeDeleted: Bool, canRestore: Bool, text: Localizer) -> Component {
        H.group {
            Forms.select(label: text("list.sort"), name: "sort",
                         options: Forms.options(SortOrder.self, prefix: "list.sort", text: text), selected: sort)
            if canRestore { Forms.checkbox(label: text("list.showDeleted"), name: "deleted", checked: includeDeleted) }
        }
    }
}

/// A registry list's model (people, organisations): its filters as chosen and what the reader may do.
protocol RegistryListModel: SortedListModel {
    associatedtype Row: Sendable
    var page: ListPage<Row> { get }
    var text: String { get }
    var includeDeleted: Bool { get }
    var canRestore: Bool { get }
    var canWrite: Bool { get }
    var hasMoreFilters: Bool { get }
    var saved: [SavedFilters.Saved] { get }
}

extension RegistryFilters {
    /// A registry list: found by any of the names, in name order until asked otherwise; the kind's own
    /// filters, the order and deleted records fold away under the name box (on a phone it comes first).
    static func page<M: RegistryListModel>(_ model: M, _ resource: Resource, title: String, new: String, csv: RecordExport.Kind,
                                           chrome: Chrome, @ComponentBuilder filters: () -> Component,
                                           @ComponentBuilder items: () -> Component) -> String {
        let text = chrome.text
        let frame = ListFrame(title: title, new: model.canWrite ? (new, .new(resource)) : nil, csv: csv, url: .list(resource),
                              saved: SavedFiltersBar(saved: model.saved, list: resource, query: model.query(page: 1), defaults: ["sort=name"]),
                              isEmpty: model.page.items.isEmpty, emptyText: text("list.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            nameBox(model.text, text: text)
            Filters.more(open: model.hasMoreFilters, text: text) {
                filters()
                sortAndDeleted(sort: model.sort, includeDeleted: model.includeDeleted, canRestore: model.canRestore, text: text)
            }
        } items: {
            items()
        }
    }
}

extension DataTable.Column {
    /// A registry list's name column: it sorts by name, A to Z first.
    static func name(text: Localizer, cell: @escaping (Row) -> Component) -> Self {
        .init(label: text("field.name"), sorts: .init(ascending: SortOrder.name.rawValue, descending: SortOrder.nameDescending.rawValue),
              cell: cell)
    }
}
