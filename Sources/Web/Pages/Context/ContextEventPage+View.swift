import Domain
import Features
import Markup

extension ContextEventPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let event = model.event
        let summary = event.summary
        let header = RecordHeader(
            trail: [(text("context.title"), .list(.contextEvent))], title: summary.title,
            restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, mark: Badges.context(text),
            controls: RecordControls(resource: .contextEvent, id: event.id, isDeleted: summary.isDeleted,
                                     canWrite: model.canWrite, canRestore: model.canRestore))
        return Layout.page(title: summary.title, chrome: chrome) {
            header.view(chrome: chrome)
            ContextEventViews.facts(event, text: text)
        }
    }
}
