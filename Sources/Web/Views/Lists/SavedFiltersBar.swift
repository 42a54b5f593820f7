import Domain
import Features
import Markup

/// A list's saved filters, under its filters: each a link to the list as it was saved, with a button to
/// remove it; and, when the list is filtered or sorted, a small form to save it under a name.
struct SavedFiltersBar {
    var saved: [SavedFilters.Saved]
    var list: Resource
    /// The list's query as it is now, its page left out.
    var query: String

    /// - Parameter defaults: parts of the query that are the list's own defaults (`sort=name`): a list with
    ///   nothing else is not filtered, and there is nothing to save.
    init(saved: [SavedFilters.Saved], list: Resource, query: String, defaults: [String] = []) {
        self.saved = saved
        self.list = list
        let query = Self.withoutPage(query)
        self.query = query.split(separator: "&").allSatisfy { defaults.contains(String($0)) } ? "" : query
    }

    /// A saved filter opens the list from its first page.
    static func withoutPage(_ query: String) -> String {
        query.split(separator: "&").filter { !$0.hasPrefix("page=") }.joined(separator: "&")
    }

    func view(chrome: Chrome) -> Component {
        let text = chrome.text
        if saved.isEmpty && query.isEmpty { return H.empty }
        return H.el("section", [("class", "saved-filters"), ("aria-label", text("savedFilters.title"))]) {
            if !saved.isEmpty {
                H.text("h2", [], text("savedFilters.title"))
                H.el("ul", [("class", "saved")]) {
                    for filter in saved {
                        H.el("li") {
                            H.el("a", [("href", SiteURL.list(list).path + (filter.query.isEmpty ? "" : "?" + filter.query)),
                                       ("aria-current", filter.query == query ? "true" : nil)]) { Text(filter.name) }
                            H.el("form", [("method", "post"), ("action", SiteURL.record(.savedFilter, filter.id, .delete).path),
                                          ("class", "inline")]) {
                                Forms.csrf(chrome.csrfToken)
                                H.el("button", [("type", "submit"), ("class", "link remove"),
                                                ("aria-label", text("savedFilters.remove", filter.name))]) { Text("×") }
                            }
                        }
                    }
                }
            }
            if !query.isEmpty && !saved.contains(where: { $0.query == query }) { Self.form(list: list, query: query, chrome: chrome) }
        }
    }

    /// The form that saves a list's query under a name; also the page shown again when the name was wrong.
    static func form(list: Resource, query: String, name: String = "", error: String? = nil, open: Bool = false,
                     chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("details", [("class", "save-filter"), ("open", open || error != nil ? "" : nil)]) {
            H.el("summary") { Text(text("savedFilters.save")) }
            H.el("form", [("method", "post"), ("action", SiteURL.list(.savedFilter).path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("list", list.sitePath)
                Forms.hidden("query", query)
                Forms.field(label: text("savedFilters.name"), name: "name", value: name, error: error,
                            help: text("savedFilters.name.help"), required: true)
                Forms.submit(text("savedFilters.saveButton"), "secondary")
            }
        }
    }
}
