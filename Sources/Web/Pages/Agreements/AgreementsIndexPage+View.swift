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
            Filters.choice(AgreementStatus.self, text("agreements.status"), name: "status", prefix: "agreementStatus",
                           selected: model.status, text: text)
            Filters.choice(AgreementKind.self, text("agreements.kind"), name: "kind", prefix: "agreementKind",
                           selected: model.kind, text: text)
        } items: {
            AgreementViews.list(model.page.items, text: text)
        }
    }
}
