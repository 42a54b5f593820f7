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
