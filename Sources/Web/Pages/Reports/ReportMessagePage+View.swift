import Domain
import Markup

extension ReportMessagePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        Layout.titled(chrome.text("report.pdf"), chrome: chrome) {
            H.el("p", [("role", "alert")]) { Text(model.message) }
            H.el("p") { H.link(chrome.text("report.back"), to: model.back, [("class", "button secondary")]) }
        }
    }
}
