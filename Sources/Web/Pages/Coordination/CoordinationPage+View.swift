import Domain
import Features
import Markup

extension CoordinationPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let activity = model.activity
        return RecordHeader(.coordination, activity, list: text("coordination.title"),
                            title: "\(activity.organization.name): \(activity.theme)", canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            CoordinationViews.facts(activity, text: text)
        }
    }
}
