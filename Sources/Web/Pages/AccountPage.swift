import Domain
import Features
import Markup

/// A user's own account: password, API tokens and calendar feed.
enum AccountPage {
    struct Model: Sendable {
        var user: UserSummary
        var tokens: [APITokens.Summary]
        var canUseTokens: Bool
        /// A token just created, shown once.
        var newTokenSecret: String?
        var canHaveCalendar = false
        var calendarFeed: CalendarFeeds.Status?
        /// A calendar address just created, shown once.
        var newCalendarURL: String?
        var errors = Forms.Errors()
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("account.title"), chrome: chrome) {
            H.el("h1") { Text(text("account.title")) }
            H.el("dl", [("class", "facts")]) {
                H.text("dt", [], text("field.name")); H.text("dd", [], model.user.name)
                H.text("dt", [], text("field.email")); H.text("dd", [], model.user.email)
                H.text("dt", [], text("field.role")); H.text("dd", [], text(model.user.role.labelKey))
            }
            H.el("section", [("aria-labelledby", "password-heading")]) {
                H.el("h2", [("id", "password-heading")]) { Text(text("account.password")) }
                H.el("form", [("method", "post"), ("action", SiteURL.accountPassword.path), ("novalidate", "")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.field(label: text("field.currentPassword"), name: "currentPassword", type: "password",
                                error: model.errors["currentPassword"], required: true, autocomplete: "current-password")
                    Forms.field(label: text("field.newPassword"), name: "newPassword", type: "password", error: model.errors["newPassword"],
                                help: text("field.password.help", String(PasswordPolicy.minimumLength)), required: true, autocomplete: "new-password")
                    Forms.submit(text("account.password"), "secondary")
                }
            }
            if model.canUseTokens { tokens(model, chrome: chrome) }
            if model.canHaveCalendar { calendar(model, chrome: chrome) }
        }
    }

    private static func calendar(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "calendar-heading")]) {
            H.el("h2", [("id", "calendar-heading")]) { Text(text("account.calendar")) }
            Paragraph(text("account.calendar.intro", String(EngagementCalendar.maximumEvents)))
            Paragraph(text("account.calendar.secret"))
            if let url = model.newCalendarURL {
                H.el("div", [("class", "notice"), ("role", "status")]) {
                    Paragraph(text("account.calendar.created"))
                    H.el("p") { H.text("code", [("class", "secret"), ("id", "new-calendar-url")], url) }
                }
            }
            if let feed = model.calendarFeed {
                Paragraph(text("account.calendar.status", Formatting.dateTime(feed.createdAt), feed.lastUsedAt.map(Formatting.dateTime) ?? text("common.never")))
                H.el("div", [("class", "actions")]) {
                    Forms.post(to: .accountCalendar, csrf: chrome.csrfToken, button: text("account.calendar.replace"), cssClass: "secondary")
                    Forms.post(to: .accountCalendarRevoke, csrf: chrome.csrfToken, button: text("account.calendar.revoke"), cssClass: "danger")
                }
            } else {
                Paragraph(text("account.calendar.none"))
                Forms.post(to: .accountCalendar, csrf: chrome.csrfToken, button: text("account.calendar.create"), cssClass: "secondary")
            }
        }
    }

    private static func tokens(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "tokens-heading")]) {
            H.el("h2", [("id", "tokens-heading")]) { Text(text("account.tokens")) }
            Paragraph(text("account.tokens.intro"))
            if let secret = model.newTokenSecret {
                H.el("div", [("class", "notice"), ("role", "status")]) {
                    Paragraph(text("account.tokens.created"))
                    H.el("p") { H.text("code", [("class", "secret"), ("id", "new-token")], secret) }
                }
            }
            if model.tokens.isEmpty {
                Paragraph(text("account.tokens.none"))
            } else {
                H.el("ul", [("class", "tokens")]) {
                    for token in model.tokens {
                        H.el("li") {
                            H.text("strong", [], token.label)
                            Text(" · \(text("account.tokens.created.at")) \(Formatting.dateTime(token.createdAt)) · \(text("account.tokens.lastUsed")) \(token.lastUsedAt.map(Formatting.dateTime) ?? text("common.never")) ")
                            Forms.post(to: .record(.token, token.id, .revoke), csrf: chrome.csrfToken, button: text("account.tokens.revoke"), cssClass: "danger small")
                        }
                    }
                }
            }
            H.el("form", [("method", "post"), ("action", SiteURL.list(.token).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.field(label: text("field.label"), name: "label", error: model.errors["label"], help: text("field.label.help"), autocomplete: "off")
                Forms.submit(text("account.tokens.create"), "secondary")
            }
        }
    }
}
