import Domain
import Markup

extension SetupPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("setup.title"), chrome: chrome) {
            Paragraph(text("setup.intro"))
            Forms.errorSummary(model.errors, text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.setup.path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.field(label: text("field.name"), name: "name", value: model.name, error: model.errors["name"],
                            required: true, autocomplete: "name")
                Forms.field(label: text("field.email"), name: "email", type: "email", value: model.email,
                            error: model.errors["email"], required: true, autocomplete: "username")
                Forms.field(label: text("field.password"), name: "password", type: "password",
                            error: model.errors["password"],
                            help: text("field.password.help", PasswordPolicy.minimumLength),
                            required: true, autocomplete: "new-password")
                Forms.submit(text("setup.submit"))
            }
        }
    }
}
