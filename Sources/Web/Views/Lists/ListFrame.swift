import Domain
import Features
import Markup

/// The frame of every list page: the title row (new, CSV export), an introduction, the filter form, the
/// items or the words for none, and the pager. The page gives its filters and its items.
struct ListFrame {
    var title: String
    /// The "new" button, for those who may write.
    var new: (label: String, url: SiteURL)? = nil
    var csv: RecordExport.Kind? = nil
    var intro: String? = nil
    /// The list's own address: where its filters send their GET and its pages link.
    var url: SiteURL
    var hasFilters = true
    /// Other ways to see the same records (a board, a table), above the filters.
    var views: Component = EmptyComponent()
    /// The reader's saved filters of this list, and the form to save the list as it is.
    var saved: SavedFiltersBar? = nil
    var isEmpty: Bool
    var emptyText: String

    func page<Item>(chrome: Chrome, pager list: ListPage<Item>, query: (Int) -> String = { "page=\($0)" },
                    above: Component = EmptyComponent(),
                    @ComponentBuilder filters: () -> Component = { EmptyComponent() },
                    @ComponentBuilder items: () -> Component) -> String {
        page(chrome: chrome, pager: Pager.view(list, base: url, query: query, text: chrome.text), above: above,
             filters: filters, items: items)
    }

    /// - Parameter above: what stands between the filters and the items (a download of what is filtered).
    func page(chrome: Chrome, pager: Component = EmptyComponent(), above: Component = EmptyComponent(),
              @ComponentBuilder filters: () -> Component = { EmptyComponent() },
              @ComponentBuilder items: () -> Component) -> String {
        let text = chrome.text
        return Layout.page(title: title, chrome: chrome) {
            TitleRow.view(title: title, new: new, csv: csv, text: text)
            if let intro { Paragraph(intro) }
            views
            if hasFilters { Filters.form(action: url, text: text, fields: filters) }
            if let saved { saved.view(chrome: chrome) }
            above
            if isEmpty { Paragraph(emptyText) } else { items() }
            pager
        }
    }
}

/// A list's heading with its buttons beside it.
enum TitleRow {
    static func view(title: String, new: (label: String, url: SiteURL)?, csv: RecordExport.Kind?,
                     text: Localizer) -> Component {
        H.el("div", [("class", "title-row")]) {
            H.el("h1") { Text(title) }
            if let new { H.link(new.label, to: new.url, [("class", "button primary")]) }
            if let csv {
                H.el("a", [("href", SiteURL.csvExport(csv).path), ("class", "button secondary"), ("download", "")]) {
                    Text(text("export.csv"))
                }
            }
        }
    }
}

/// A list's filters: a GET form, so a filtered list is a link like any other and works without scripts.
enum Filters {
    static func form(action: SiteURL, submit: String? = nil, cssClass: String = "filters", text: Localizer,
                     @ComponentBuilder fields: () -> Component) -> Component {
        H.el("form", [("method", "get"), ("action", action.path), ("class", cssClass), ("role", "search")]) {
            fields()
            Forms.submit(submit ?? text("list.filter"), "secondary")
        }
    }

    /// Filters folded away until wanted (on a phone the first filter shows alone).
    static func more(open: Bool, text: Localizer, @ComponentBuilder fields: () -> Component) -> Component {
        H.el("details", [("class", "more-filters"), ("open", open ? "" : nil)]) {
            H.el("summary") { Text(text("list.moreFilters")) }
            fields()
        }
    }

    /// A choice among an enum's cases by their catalogue labels, or any.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, _ label: String, name: String, prefix: String, selected: String, text: Localizer
    ) -> Component where T.RawValue == String {
        Forms.select(label: label, name: name,
                     options: Forms.options(type, prefix: prefix, text: text, empty: text("list.any")),
                     selected: selected)
    }

    /// A choice among records (places, communities), or any.
    static func choice(_ refs: [RecordRef], _ label: String, name: String, selected: String,
                       text: Localizer) -> Component {
        Forms.select(label: label, name: name, options: Forms.refOptions(refs, empty: text("list.any")),
                     selected: selected)
    }

    /// From and to, each with its mistake.
    static func period(from: String, to: String, errors: Forms.Errors, text: Localizer,
                       labels: (String, String) = ("engagements.from", "engagements.to")) -> Component {
        H.group {
            Forms.field(label: text(labels.0), name: "from", type: "date", value: from, error: errors["from"])
            Forms.field(label: text(labels.1), name: "to", type: "date", value: to, error: errors["to"])
        }
    }
}
