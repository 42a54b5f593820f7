import Domain
import Features
import Markup

extension UsersIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("users.title"), new: (text("users.new"), .new(.user)), url: .list(.user),
                              hasFilters: false, isEmpty: model.users.isEmpty, emptyText: text("users.none"))
        return frame.page(chrome: chrome) {
            H.el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"),
                         ("aria-label", text("users.title"))]) {
                H.el("table") {
                    H.el("thead") {
                        H.el("tr") {
                            for key in ["field.name", "field.email", "field.role", "field.status", "users.lastSeen"] {
                                H.text("th", [("scope", "col")], text(key))
                            }
                        }
                    }
                    H.el("tbody") { for user in model.users { row(user, text: text) } }
                }
            }
        }
    }

    static func row(_ user: UserSummary, text: Localizer) -> Component {
        H.el("tr", [("class", user.isDisabled ? "muted" : nil)]) {
            H.el("td") { H.link(user.name, to: .record(.user, user.id)) }
            H.text("td", [], user.email)
            H.text("td", [], text(user.role.labelKey))
            H.text("td", [], text(user.isDisabled ? "users.disabled" : "users.active"))
            H.text("td", [], user.lastSignInAt.map(text.dateTime) ?? text("users.never"))
        }
    }
}
