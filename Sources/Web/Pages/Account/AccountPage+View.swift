import Domain
import Features
import Markup

extension AccountPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("account.title"), chrome: chrome) {
            UserViews.facts(model.user, text: text)
            language(model, chrome: chrome)
            Section.view(id: "password-heading", title: text("account.password")) {
                H.el("form", [("method", "post"), ("action", SiteURL.accountPassword.path), ("novalidate", "")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.field(label: text("field.currentPassword"), name: "currentPassword", type: "password",
                                error: model.errors["currentPassword"], required: true,
                                autocomplete: "current-password")
                    Forms.field(label: text("field.newPassword"), name: "newPassword", type: "password",
                                error: model.errors["newPassword"],
                                help: text("field.password.help", PasswordPolicy.minimumLength), required: true,
                                autocomplete: "new-password")
                    Forms.submit(text("account.password"), "secondary")
                }
            }
            twoFactor(model, chrome: chrome)
            if chrome.canLogEngagement { offline(chrome: chrome) }
            if model.canUseTokens { tokens(model, chrome: chrome) }
            if model.canHaveCalendar { calendar(model, chrome: chrome) }
        }
    }
}
