import Domain
import Features
import Markup

extension ContextEventPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let header = RecordHeader(model.event, model.event.summary, list: text("context.title"),
                                  mark: Badges.context(text), access: model)
        return header.page(chrome: chrome) {
            ContextEventViews.facts(model.event, text: text)
        }
    }
}
