import Domain
import Markup

extension RecordHistoryPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("record.historyOf", model.name), chrome: chrome) {
            Breadcrumb.view([(text("record.back", model.name), model.back)])
            H.el("h1") { Text(text("record.historyOf", model.name)) }
            if model.entries.isEmpty {
                Paragraph(text("record.none"))
            } else {
                AuditTable.view(model.entries, names: model.names, text: text, showRecord: false)
            }
        }
    }
}
