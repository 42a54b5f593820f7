import Domain
import Markup

extension HomePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("home.title"), chrome: chrome) {
            H.el("h1") { Text(text("home.welcome", model.name)) }
            Paragraph(text("home.role", text(model.role.labelKey), text(model.role.labelKey + ".help")))
            Section.view(id: "next-heading", title: text("home.next")) {
                H.el("ul", [("class", "cards")]) {
                    if model.canManageUsers { H.el("li") { H.link(text("home.manageUsers"), to: .list(.user)) } }
                    if model.canViewAudit { H.el("li") { H.link(text("home.viewAudit"), to: .audit) } }
                    H.el("li") { H.link(text("home.account"), to: .account) }
                }
            }
            Section.view(id: "recent-heading", title: text("home.recent")) {
                if model.recent.isEmpty {
                    Paragraph(text("home.recent.none"))
                } else {
                    AuditTable.view(model.recent, text: text, showRecord: true)
                }
            }
        }
    }
}
