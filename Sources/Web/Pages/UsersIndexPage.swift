import Domain
import Features
import Markup

/// Everyone who can sign in, for administrators.
enum UsersIndexPage {
    struct Model: Sendable {
        var users: [UserSummary]
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("users.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("users.title")) }
                H.link(text("users.new"), to: .new(.user), [("class", "button primary")])
            }
            if model.users.isEmpty {
                Paragraph(text("users.none"))
            } else {
                H.el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", text("users.title"))]) {
                    H.el("table") {
                        H.el("thead") {
                            H.el("tr") {
                                H.text("th", [("scope", "col")], text("field.name"))
                                H.text("th", [("scope", "col")], text("field.email"))
                                H.text("th", [("scope", "col")], text("field.role"))
                                H.text("th", [("scope", "col")], text("field.status"))
                                H.text("th", [("scope", "col")], text("users.lastSeen"))
                            }
                        }
                        H.el("tbody") {
                            for user in model.users {
                                H.el("tr", [("class", user.isDisabled ? "muted" : nil)]) {
                                    H.el("td") { H.link(user.name, to: .record(.user, user.id)) }
                                    H.text("td", [], user.email)
                                    H.text("td", [], text(user.role.labelKey))
                                    H.text("td", [], text(user.isDisabled ? "users.disabled" : "users.active"))
                                    H.text("td", [], user.lastSignInAt.map(Formatting.dateTime) ?? text("users.never"))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
