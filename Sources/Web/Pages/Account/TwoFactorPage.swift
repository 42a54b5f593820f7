import Domain
import Features
import Markup

/// Setting up two-factor sign-in: the secret as a QR code and typed in groups, the code that confirms it;
/// then the ten recovery codes, shown once.
enum TwoFactorPage {
    struct Model: Sendable {
        /// Base32, as the authenticator app takes it.
        var secret: String
        var email: String
        /// The site requires it of this user's role: nothing else opens until it is on.
        var isRequired = false
        var errors = Forms.Errors()

        var uri: String { TOTP.provisioningURI(secret: Base32.decode(secret) ?? [], account: email) }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("twoFactor.setUp.title"), chrome: chrome) {
            if model.isRequired {
                H.el("div", [("class", "notice"), ("role", "status")]) { Paragraph(text("twoFactor.required")) }
            }
            Forms.errorSummary(model.errors, text: text)
            Paragraph(text("twoFactor.setUp.intro"))
            H.el("ol", [("class", "steps")]) {
                H.el("li") {
                    Paragraph(text("twoFactor.setUp.scan"))
                    H.el("figure", [("class", "qr")]) {
                        TrustedHTML(QRCode.svg(model.uri, title: text("twoFactor.setUp.qrLabel")) ?? "")
                    }
                    Paragraph(text("twoFactor.setUp.type"))
                    H.el("p") { H.text("code", [("class", "secret"), ("id", "two-factor-secret")], Base32.grouped(model.secret)) }
                    H.el("p") {
                        H.text("a", [("href", model.uri)], text("twoFactor.setUp.openApp"))
                    }
                }
                H.el("li") {
                    H.el("form", [("method", "post"), ("action", SiteURL.accountTwoFactorConfirm.path), ("novalidate", "")]) {
                        Forms.csrf(chrome.csrfToken)
                        codeField(label: text("twoFactor.code"), help: text("twoFactor.code.help"), error: model.errors["code"], autofocus: false)
                        Forms.submit(text("twoFactor.setUp.confirm"))
                    }
                }
            }
        }
    }

    /// The ten recovery codes, once, right after two-factor sign-in is turned on.
    static func recoveryCodes(_ codes: [String], chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("twoFactor.recovery.title"), chrome: chrome) {
            H.el("div", [("class", "notice"), ("role", "status")]) { Paragraph(text("twoFactor.on")) }
            Paragraph(text("twoFactor.recovery.intro"))
            H.el("ul", [("class", "recovery-codes"), ("id", "recovery-codes")]) {
                for code in codes { H.el("li") { H.text("code", [], code) } }
            }
            H.el("p") { H.link(text("twoFactor.recovery.done"), to: .home, [("class", "button")]) }
        }
    }

    /// A six-digit code or a recovery code: letters are allowed, so the keyboard is not numbers only.
    static func codeField(label: String, help: String, error: String?, autofocus: Bool) -> Component {
        Forms.wrapped(label: label, id: "f-code", help: help, error: error) { described in
            H.void("input", [
                ("type", "text"), ("id", "f-code"), ("name", "code"), ("required", ""), ("autocomplete", "one-time-code"),
                ("autocapitalize", "none"), ("spellcheck", "false"), ("maxlength", "20"), ("class", "code"),
                ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true"), ("autofocus", autofocus ? "" : nil),
            ])
        }
    }
}

/// The second step of signing in: the code from the authenticator app, or a recovery code.
enum SignInCodePage {
    struct Model: Sendable {
        var next = ""
        var formError: String?
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("signIn.code.title"), chrome: chrome) {
            if let error = model.formError {
                H.el("div", [("class", "error-summary"), ("role", "alert"), ("id", "sign-in-error")]) { Paragraph(error) }
            }
            H.el("form", [("method", "post"), ("action", SiteURL.signInCode.path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("next", model.next)
                TwoFactorPage.codeField(label: text("twoFactor.code"), help: text("signIn.code.help"), error: nil, autofocus: true)
                Forms.submit(text("signIn.submit"))
            }
        }
    }
}
