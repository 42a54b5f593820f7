import Domain
import Markup

extension ConfirmDeletePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.narrow(title: text("record.deleteConfirm", model.name), chrome: chrome) {
            Paragraph(text("record.deleteExplain"))
            H.el("form", [("method", "post"), ("action", model.action.path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", String(model.version))
                Forms.submit(text("record.delete"), "danger")
                Text(" ")
                H.link(text("common.cancel"), to: model.cancel)
            }
        }
    }
}
