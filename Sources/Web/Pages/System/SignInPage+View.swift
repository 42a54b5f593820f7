import Domain
import Markup

extension SignInPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("signIn.title"), chrome: chrome) {
            if let error = model.formError {
                H.el("div",
                     [("class", "error-summary"), ("role", "alert"), ("id", "sign-in-error")]) { Paragraph(error) }
            }
            H.el("form", [("method", "post"), ("action", SiteURL.signIn.path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("next", model.next)
                Forms.field(label: text("field.email"), name: "email", type: "email", value: model.email,
                            required: true, autocomplete: "username", autofocus: model.email.isEmpty)
                Forms.field(label: text("field.password"), name: "password", type: "password",
                            required: true, autocomplete: "current-password", autofocus: !model.email.isEmpty)
                Forms.submit(text("signIn.submit"))
            }
        }
    }
}
