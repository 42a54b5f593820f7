import Domain
import Features
import Markup

extension AgreementsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("agreements.title"),
                              new: model.canWrite ? (text("agreements.new"), .new(.agreement)) : nil, csv: .agreements,
                              url: .list(.agreement), isEmpty: model.page.items.isEmpty,
                              emptyText: text("agreements.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Forms.select(label: text("agreements.status"), name: "status",
                         options: Forms.options(AgreementStatus.self, prefix: "agreementStatus", text: text,
                                                empty: text("list.any")),
                         selected: model.status)
            Forms.select(label: text("agreements.kind"), name: "kind",
                         options: Forms.options(AgreementKind.self, prefix: "agreementKind", text: text,
                                                empty: text("list.any")),
                         selected: model.kind)
        } items: {
            AgreementViews.list(model.page.items, text: text)
        }
    }
}
