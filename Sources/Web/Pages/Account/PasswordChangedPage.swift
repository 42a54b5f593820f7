import Domain
import Features
import Markup

/// After a password change, when API tokens still work: a token is a password of its own, so a password
/// changed because it may have been seen leaves a script with a token still acting as the user. The page
/// says how many tokens still work, lists them, and offers one button to revoke them all.
enum PasswordChangedPage {
    static func view(tokens: [APITokens.Summary], chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("account.passwordChanged.title"), chrome: chrome) {
            H.el("div", [("class", "notice"), ("role", "status")]) { Paragraph(text("account.passwordChanged")) }
            Paragraph(text("account.passwordChanged.tokens", tokens.count))
            H.el("ul", [("class", "tokens")]) {
                for token in tokens {
                    H.el("li") {
                        H.text("strong", [], token.label)
                        Text(" · \(text("account.tokens.lastUsed")) \(token.lastUsedAt.map(text.dateTime) ?? text("common.never"))")
                    }
                }
            }
            Forms.post(to: .accountTokensRevokeAll, csrf: chrome.csrfToken, button: text("account.tokens.revokeAll", tokens.count), cssClass: "danger")
            H.el("p") { H.link(text("account.passwordChanged.keepTokens"), to: .account) }
        }
    }
}
