import Domain
import Features
import Markup

extension PositionPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let position = model.position
        return RecordHeader(.position, position, trail: [(position.person.name, .record(.person, position.person.id))],
                            canWrite: model.canWrite, canRestore: model.canRestore).page(chrome: chrome) {
            Facts.list([
                (text("positions.person"), H.link(position.person.name, to: .record(.person, position.person.id))),
                (text("positions.organization"),
                 H.link(position.organization.name, to: .record(.organization, position.organization.id))),
                (text("positions.title"), Facts.plain(position.title)),
                (text("positions.startsOn"), Facts.plain(position.startsOn)),
                (text("positions.endsOn"), Facts.plain(position.endsOn)),
            ], text: text)
        }
    }
}
