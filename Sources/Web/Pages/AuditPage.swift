import Domain
import Features
import Markup

/// The whole audit trail, filterable, for administrators.
enum AuditPage {
    struct Model: Sendable {
        var page: AuditLog.Page
        var actor: String
        var action: String
        var recordType: String
        var from: String
        var to: String
        var recordTypes: [String]
        var errors = Forms.Errors()

        /// The current filter as a query string, for paging links.
        func query(page: Int) -> String {
            var items = [("actor", actor), ("action", action), ("type", recordType), ("from", from), ("to", to)].filter { !$0.1.isEmpty }
            items.append(("page", String(page)))
            return items.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("audit.title"), chrome: chrome) {
            H.el("h1") { Text(text("audit.title")) }
            Paragraph(text("audit.intro"))
            H.el("form", [("method", "get"), ("action", SiteURL.audit.path), ("class", "filters")]) {
                Forms.field(label: text("audit.filter.actor"), name: "actor", value: model.actor, error: model.errors["actor"])
                Forms.select(label: text("audit.filter.action"), name: "action",
                             options: [("", text("audit.filter.any"))] + AuditAction.allCases.map { ($0.rawValue, text("audit.action.\($0.rawValue)")) },
                             selected: model.action)
                Forms.select(label: text("audit.filter.recordType"), name: "type",
                             options: [("", text("audit.filter.any"))] + model.recordTypes.map { ($0, $0) }, selected: model.recordType)
                Forms.field(label: text("audit.filter.from"), name: "from", type: "date", value: model.from, error: model.errors["from"])
                Forms.field(label: text("audit.filter.to"), name: "to", type: "date", value: model.to, error: model.errors["to"])
                Forms.submit(text("audit.filter"), "secondary")
            }
            if model.page.entries.isEmpty {
                Paragraph(text("audit.none"))
            } else {
                AuditTable.view(model.page.entries, text: text, showRecord: true)
            }
            H.el("nav", [("class", "pager"), ("aria-label", text("common.page", String(model.page.page)))]) {
                if model.page.page > 1 {
                    H.el("a", [("href", SiteURL.audit.path + "?" + model.query(page: model.page.page - 1)), ("rel", "prev")]) { Text(text("audit.newer")) }
                }
                if model.page.hasMore {
                    H.el("a", [("href", SiteURL.audit.path + "?" + model.query(page: model.page.page + 1)), ("rel", "next")]) { Text(text("audit.older")) }
                }
            }
        }
    }
}
