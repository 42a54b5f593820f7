import Domain
import Markup

extension FollowUpsPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("followUps.title"), chrome: chrome) {
            H.el("h1") { Text(text("followUps.title")) }
            if model.items.isEmpty {
                Paragraph(text("followUps.none"))
            } else {
                FollowUpViews.list(model.items, today: model.today, showEngagement: true, canWrite: true,
                                   chrome: chrome)
            }
        }
    }
}
