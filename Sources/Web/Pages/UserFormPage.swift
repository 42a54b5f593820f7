import Domain
import Features
import Markup

/// Adding a user (no `existing`) or editing one (with its history, status and password controls).
enum UserFormPage {
    struct Model: Sendable {
        var existing: UserSummary?
        var name = ""
        var email = ""
        var role = Role.officer.rawValue
        /// The version the form started from; sent back so a stale save is caught.
        var version: Int?
        var errors = Forms.Errors()
        /// When a save collided with someone else's: the version now stored.
        var conflict: UserSummary?
        /// A password generated for this user, shown exactly once.
        var generatedPassword: String?
        var isSelf = false
        var history: [AuditLog.Entry] = []
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let title = model.existing?.name ?? text("users.new")
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("users.title"), to: .list(.user)) }
            H.el("h1") { Text(title) }
            if let password = model.generatedPassword, let user = model.existing {
                H.el("div", [("class", "notice"), ("role", "status")]) {
                    Paragraph(text("users.passwordShownOnce", user.email))
                    H.el("p") { H.text("code", [("class", "secret")], password) }
                }
            }
            if let conflict = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("users.conflict"))
                    H.el("dl", [("class", "conflict")]) {
                        H.text("dt", [], text("field.name")); H.text("dd", [], conflict.name)
                        H.text("dt", [], text("field.email")); H.text("dd", [], conflict.email)
                        H.text("dt", [], text("field.role")); H.text("dd", [], text(conflict.role.labelKey))
                    }
                }
            }
            if model.conflict == nil { Forms.errorSummary(model.errors, text: text) }
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.user, $0.id) } ?? .list(.user)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                if let version = model.version { H.void("input", [("type", "hidden"), ("name", "version"), ("value", String(version))]) }
                Forms.field(label: text("field.name"), name: "name", value: model.name, error: model.errors["name"], required: true, autocomplete: "off")
                Forms.field(label: text("field.email"), name: "email", type: "email", value: model.email, error: model.errors["email"],
                            required: true, autocomplete: "off")
                Forms.select(
                    label: text("field.role"), name: "role",
                    options: Role.allCases.map { ($0.rawValue, text($0.labelKey)) },
                    selected: model.role, error: model.errors["role"],
                    help: text("users.roles.help", text("role.admin.help"), text("role.coordinator.help"), text("role.officer.help"), text("role.viewer.help"))
                )
                if model.existing == nil {
                    Forms.field(label: text("field.password"), name: "password", type: "password", error: model.errors["password"],
                                help: text("field.password.help", String(PasswordPolicy.minimumLength)) + " " + text("users.passwordOptional"),
                                autocomplete: "new-password")
                }
                Forms.submit(text(model.existing == nil ? "users.create" : "users.save"))
            }
            if let user = model.existing {
                statusSection(user, isSelf: model.isSelf, chrome: chrome)
                passwordSection(user, errors: model.errors, chrome: chrome)
                H.el("section", [("aria-labelledby", "history-heading")]) {
                    H.el("h2", [("id", "history-heading")]) { Text(text("users.history")) }
                    AuditTable.view(model.history, text: text, showRecord: false)
                }
            }
        }
    }

    private static func statusSection(_ user: UserSummary, isSelf: Bool, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "status-heading")]) {
            H.el("h2", [("id", "status-heading")]) { Text(text("field.status")) }
            Paragraph(text(user.isDisabled ? "users.disabled" : "users.active"))
            if user.isDisabled {
                Forms.post(to: .record(.user, user.id, .enable), csrf: chrome.csrfToken, button: text("users.enable"))
            } else if !isSelf {
                Paragraph(text("users.disableConfirm", user.name))
                Forms.post(to: .record(.user, user.id, .disable), csrf: chrome.csrfToken, button: text("users.disable"), cssClass: "danger")
            }
        }
    }

    private static func passwordSection(_ user: UserSummary, errors: Forms.Errors, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "password-heading")]) {
            H.el("h2", [("id", "password-heading")]) { Text(text("users.setPassword")) }
            H.el("form", [("method", "post"), ("action", SiteURL.record(.user, user.id, .password).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.field(label: text("field.newPassword"), name: "newPassword", type: "password", error: errors["newPassword"],
                            help: text("users.passwordOptional"), autocomplete: "new-password")
                Forms.submit(text("users.setPassword"), "secondary")
            }
        }
    }
}
