import Domain
import Features
import Markup

extension UserFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let errors = model.errors
        let frame = RecordFormFrame(
            title: model.existing?.name ?? text("users.new"), trail: [(text("users.title"), .list(.user))],
            action: model.existing.map { .record(.user, $0.id) } ?? .list(.user),
            version: model.version.map(String.init), errors: errors,
            conflict: model.conflict.map {
                .init(message: text("users.conflict"), theirs: UserViews.facts($0, text: text, cssClass: "conflict"))
            },
            novalidate: true, submit: text(model.existing == nil ? "users.create" : "users.save"))
        let password = model.generatedPassword.flatMap { password in
            model.existing.map { Notice.shownOnce(text("users.passwordShownOnce", $0.email), secret: password) }
        }
        return frame.page(chrome: chrome, above: password ?? H.empty,
                          below: model.existing.map { after($0, model, chrome) } ?? H.empty) {
            Forms.field(label: text("field.name"), name: "name", value: model.name, error: errors["name"],
                        required: true,
                        autocomplete: "off")
            Forms.field(label: text("field.email"), name: "email", type: "email", value: model.email,
                        error: errors["email"],
                        required: true, autocomplete: "off")
            Forms.select(label: text("field.role"), name: "role",
                         options: Role.allCases.map { ($0.rawValue, text($0.labelKey)) },
                         selected: model.role, error: errors["role"],
                         help: text("users.roles.help", text("role.admin.help"), text("role.coordinator.help"),
                                    text("role.officer.help"), text("role.viewer.help")))
            if model.existing == nil {
                Forms.field(label: text("field.password"), name: "password", type: "password",
                            error: errors["password"],
                            help: text("field.password.help", PasswordPolicy.minimumLength) + " "
                                + text("users.passwordOptional"),
                            autocomplete: "new-password")
            }
        }
    }

    /// Under an existing user's form: enable or disable, set a password, and their history.
    static func after(_ user: UserSummary, _ model: Model, _ chrome: Chrome) -> Component {
        let text = chrome.text
        return H.group {
            Section.view(id: "status-heading", title: text("field.status")) {
                Paragraph(text(user.isDisabled ? "users.disabled" : "users.active"))
                if user.isDisabled {
                    Forms.post(to: .record(.user, user.id, .enable), csrf: chrome.csrfToken,
                               button: text("users.enable"))
                } else if !model.isSelf {
                    Paragraph(text("users.disableConfirm", user.name))
                    Forms.post(to: .record(.user, user.id, .disable), csrf: chrome.csrfToken,
                               button: text("users.disable"),
                               cssClass: "danger")
                }
            }
            Section.view(id: "password-heading", title: text("users.setPassword")) {
                H.el("form", [("method", "post"), ("action", SiteURL.record(.user, user.id, .password).path),
                              ("novalidate", "")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.field(label: text("field.newPassword"), name: "newPassword", type: "password",
                                error: model.errors["newPassword"], help: text("users.passwordOptional"),
                                autocomplete: "new-password")
                    Forms.submit(text("users.setPassword"), "secondary")
                }
            }
            Section.view(id: "two-factor-heading", title: text("twoFactor.title")) {
                if model.twoFactorOn {
                    Paragraph(text("users.twoFactorOn"))
                    Paragraph(text("users.twoFactorResetHelp", user.name))
                    Forms.post(to: .record(.user, user.id, .twoFactorReset), csrf: chrome.csrfToken,
                               button: text("users.twoFactorReset"), cssClass: "danger")
                } else {
                    Paragraph(text("users.twoFactorOff"))
                }
            }
            Section.view(id: "history-heading", title: text("users.history")) {
                AuditTable.view(model.history, text: text, showRecord: false)
            }
        }
    }
}
