import Domain
import Features
import Markup

/// Where a signed-in user lands: who they are, what they may do, and what changed lately.
enum HomePage {
    struct Model: Sendable {
        var name: String
        var role: Role
        var canManageUsers: Bool
        var canViewAudit: Bool
        /// The whole trail's latest entries for administrators; the user's own for everyone else.
        var recent: [AuditLog.Entry]
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("home.title"), chrome: chrome) {
            H.el("h1") { Text(text("home.welcome", model.name)) }
            Paragraph(text("home.role", text(model.role.labelKey), text(model.role.labelKey + ".help")))
            H.el("section", [("aria-labelledby", "next-heading")]) {
                H.el("h2", [("id", "next-heading")]) { Text(text("home.next")) }
                H.el("ul", [("class", "cards")]) {
                    if model.canManageUsers { H.el("li") { H.link(text("home.manageUsers"), to: .list(.user)) } }
                    if model.canViewAudit { H.el("li") { H.link(text("home.viewAudit"), to: .audit) } }
                    H.el("li") { H.link(text("home.account"), to: .account) }
                }
            }
            H.el("section", [("aria-labelledby", "recent-heading")]) {
                H.el("h2", [("id", "recent-heading")]) { Text(text("home.recent")) }
                if model.recent.isEmpty {
                    Paragraph(text("home.recent.none"))
                } else {
                    AuditTable.view(model.recent, text: text, showRecord: true)
                }
            }
        }
    }
}
