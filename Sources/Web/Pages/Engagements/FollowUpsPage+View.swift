import Domain
import Markup

extension FollowUpsPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("followUps.title"), chrome: chrome) {
            if model.items.isEmpty {
                Paragraph(text("followUps.none"))
            } else {
                FollowUpViews.list(model.items, today: model.today, showEngagement: true, canWrite: true,
                                   chrome: chrome)
            }
        }
    }
}
