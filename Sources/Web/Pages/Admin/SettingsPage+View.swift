import Domain
import Markup

extension SettingsPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("settings.title"), chrome: chrome) {
            Forms.errorSummary(model.errors, text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.settings.path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.select(label: text("settings.defaultLanguage"), name: "defaultLanguage",
                             options: [("", text("settings.defaultLanguage.server", model.fallback.nativeName))]
                                + Language.allCases.map { ($0.rawValue, $0.nativeName) },
                             selected: model.defaultLanguage?.rawValue ?? "", error: model.errors["defaultLanguage"],
                             help: text("settings.defaultLanguage.help"))
                Forms.checkbox(label: text("settings.requireTwoFactor"), name: "requireTwoFactor", checked: model.requireTwoFactor)
                H.el("p", [("class", "help")]) { Text(text("settings.requireTwoFactor.help")) }
                Forms.field(label: text("settings.threshold"), name: "smallNumberThreshold", type: "number", value: model.threshold,
                            error: model.errors["smallNumberThreshold"], help: text("settings.threshold.help"), required: true)
                sensitiveFields(model.sensitiveFields, text: text)
                Forms.select(label: text("settings.retention"), name: "retentionMonths",
                             options: [("", text("settings.retention.off"))]
                                + RetentionPeriod.choices.map { (String($0), text("settings.retention.months", $0)) },
                             selected: model.retentionMonths, error: model.errors["retentionMonths"],
                             help: text("settings.retention.help"))
                Forms.submit(text("settings.save"))
            }
            H.el("p") { H.link(text("retention.title"), to: .retentionReview) }
        }
    }

    /// One box a field; the hidden marker says the boxes were on the form (an unticked box is not sent).
    static func sensitiveFields(_ fields: SensitiveFields, text: Localizer) -> Component {
        H.el("fieldset", [("id", "f-sensitive")]) {
            H.el("legend") { Text(text("settings.sensitiveFields")) }
            H.el("p", [("class", "help")]) { Text(text("settings.sensitiveFields.help")) }
            H.void("input", [("type", "hidden"), ("name", "sensitiveFieldsShown"), ("value", "1")])
            for field in PersonalField.allCases {
                Forms.checkbox(label: text(field.labelKey), name: "sensitive_\(field.rawValue)", checked: fields.contains(field))
            }
        }
    }
}
