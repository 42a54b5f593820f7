import Domain
import Features
import Markup

extension ContextEventPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let event = model.event
        let summary = event.summary
        return RecordHeader(.contextEvent, event, list: text("context.title"),
                            restricted: summary.confidentiality == .restricted,
                            mark: Badges.context(text), canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            ContextEventViews.facts(event, text: text)
        }
    }
}
