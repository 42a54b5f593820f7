import Domain
import Features
import Markup

extension AccountPage {
    /// Two-factor sign-in: set it up, or see since when it is on and turn it off with the password.
    static func twoFactor(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let status = model.twoFactor
        return Section.view(id: "two-factor-heading", title: text("twoFactor.title")) {
            if status.isEnabled {
                Paragraph(text("twoFactor.isOn", status.enabledAt.map(text.dateTime) ?? ""))
                Paragraph(text("twoFactor.recoveryLeft", status.recoveryCodesLeft))
                H.el("form", [("method", "post"), ("action", SiteURL.accountTwoFactorOff.path), ("novalidate", "")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.field(label: text("field.currentPassword"), name: "password", type: "password",
                                error: model.errors["password"], required: true, autocomplete: "current-password",
                                id: "f-two-factor-password")
                    Forms.submit(text("twoFactor.turnOff"), "danger")
                }
            } else {
                Paragraph(text("twoFactor.isOff"))
                H.el("p") { H.link(text("twoFactor.setUp"), to: .accountTwoFactor, [("class", "button secondary")]) }
            }
        }
    }
}
