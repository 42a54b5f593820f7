import Domain
import Features
import Markup

/// One position: who held which post where, and when.
enum PositionPage {
    struct Model: Sendable {
        var position: PositionRecord
        var canWrite: Bool
        var canRestore: Bool
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let position = model.position
        return Layout.page(title: position.label, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(position.person.name, to: .record(.person, position.person.id)) }
            H.el("h1") { Text(position.label) }
            RegistryViews.badges(restricted: false, deleted: position.isDeleted, text: text)
            RegistryViews.actions(edit: model.canWrite && !position.isDeleted ? .record(.position, position.id, .edit) : nil,
                                  delete: model.canWrite && !position.isDeleted ? .record(.position, position.id, .delete) : nil,
                                  restore: position.isDeleted && model.canRestore ? .record(.position, position.id, .restore) : nil,
                                  history: .record(.position, position.id, .history), csrf: chrome.csrfToken, text: text)
            RegistryViews.facts([
                (text("positions.person"), H.link(position.person.name, to: .record(.person, position.person.id))),
                (text("positions.organization"), H.link(position.organization.name, to: .record(.organization, position.organization.id))),
                (text("positions.title"), RegistryViews.plain(position.title)),
                (text("positions.startsOn"), RegistryViews.plain(position.startsOn)),
                (text("positions.endsOn"), RegistryViews.plain(position.endsOn)),
            ], text: text)
        }
    }
}
