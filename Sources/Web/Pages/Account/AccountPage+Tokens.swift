import Domain
import Features
import Markup

extension AccountPage {
    /// API tokens: each with when it was made and last used, a way to revoke it, and the form for a new one.
    static func tokens(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "tokens-heading", title: text("account.tokens")) {
            Paragraph(text("account.tokens.intro"))
            if let secret = model.newTokenSecret {
                Notice.shownOnce(text("account.tokens.created"), secret: secret, id: "new-token")
            }
            if model.tokens.isEmpty {
                Paragraph(text("account.tokens.none"))
            } else {
                H.el("ul", [("class", "tokens")]) {
                    for token in model.tokens {
                        H.el("li") {
                            H.text("strong", [], token.label)
                            Text(" · \(text("account.tokens.created.at")) \(text.dateTime(token.createdAt))"
                                 + " · \(text("account.tokens.lastUsed"))"
                                 + " \(token.lastUsedAt.map(text.dateTime) ?? text("common.never")) ")
                            Forms.post(to: .record(.token, token.id, .revoke), csrf: chrome.csrfToken,
                                       button: text("account.tokens.revoke"), cssClass: "danger small")
                        }
                    }
                }
            }
            H.el("form", [("method", "post"), ("action", SiteURL.list(.token).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.field(label: text("field.label"), name: "label", error: model.errors["label"],
                            help: text("field.label.help"), autocomplete: "off")
                Forms.submit(text("account.tokens.create"), "secondary")
            }
        }
    }
}
