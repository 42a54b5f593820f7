import Domain
import Features
import Markup

extension CoordinationPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let activity = model.activity
        let title = "\(activity.organization.name): \(activity.theme)"
        let header = RecordHeader(
            trail: [(text("coordination.title"), .list(.coordination))], title: title, deleted: activity.isDeleted,
            controls: RecordControls(resource: .coordination, id: activity.id, isDeleted: activity.isDeleted,
                                     canWrite: model.canWrite, canRestore: model.canRestore))
        return Layout.page(title: title, chrome: chrome) {
            header.view(chrome: chrome)
            CoordinationViews.facts(activity, text: text)
        }
    }
}
