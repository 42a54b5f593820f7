import Domain
import Features
import Markup

extension AuditPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let any = text("audit.filter.any")
        return Layout.titled(text("audit.title"), chrome: chrome) {
            Paragraph(text("audit.intro"))
            Filters.form(action: .audit, submit: text("audit.filter"), text: text) {
                Forms.field(label: text("audit.filter.actor"), name: "actor", value: model.actor,
                            error: model.errors["actor"])
                Forms.select(label: text("audit.filter.action"), name: "action",
                             options: Forms.options(AuditAction.self, prefix: "audit.action", text: text, empty: any),
                             selected: model.action)
                Forms.select(label: text("audit.filter.recordType"), name: "type",
                             options: [("", any)] + model.recordTypes.map { ($0, HistoryWords.recordType($0, text: text)) }, selected: model.recordType)
                Filters.period(from: model.from, to: model.to, errors: model.errors, text: text,
                               labels: ("audit.filter.from", "audit.filter.to"))
            }
            if model.page.entries.isEmpty {
                Paragraph(text("audit.none"))
            } else {
                AuditTable.view(model.page.entries, text: text, showRecord: true,
                                order: (oldestFirst: model.sort == oldestFirst,
                                        link: { model.sorted($0 ? oldestFirst : "") }))
            }
            H.el("nav", [("class", "pager"), ("aria-label", text("common.page", model.page.page))]) {
                if model.page.page > 1 {
                    H.el("a", [("href", SiteURL.audit.path + "?" + model.query(page: model.page.page - 1)),
                               ("rel", "prev")]) {
                        Text(text("audit.newer"))
                    }
                }
                if model.page.hasMore {
                    H.el("a", [("href", SiteURL.audit.path + "?" + model.query(page: model.page.page + 1)),
                               ("rel", "next")]) {
                        Text(text("audit.older"))
                    }
                }
            }
        }
    }
}
