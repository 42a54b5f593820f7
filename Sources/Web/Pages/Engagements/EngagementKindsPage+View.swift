import Domain
import Features
import Markup

extension EngagementKindsPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let errors = model.errors
        return Layout.titled(text("kinds.title"), chrome: chrome) {
            Paragraph(text("kinds.explain"))
            RecordList.view(model.kinds) { kind in
                H.el("p", [("class", "record-title")]) { Text(kind.label ?? text("engagementKind.\(kind.key)")) }
                H.text("p", [("class", "record-meta")], kind.key + (kind.builtIn ? " · " + text("kinds.builtIn") : ""))
            }
            Forms.errorSummary(errors, text: text)
            H.el("form",
                 [("method", "post"), ("action", SiteURL.list(.engagementKind).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                H.el("h2") { Text(text("kinds.add")) }
                Forms.field(label: text("kinds.label"), name: "label", value: model.label, error: errors["label"],
                            required: true)
                Forms.field(label: text("kinds.key"), name: "key", value: model.key, error: errors["key"],
                            help: text("kinds.key.help"))
                Forms.submit(text("kinds.add"))
            }
        }
    }
}
