import Domain
import Foundation
import Markup

/// What the reader may do with a record: edit, delete or restore it, and read its history.
struct RecordControls: Sendable {
    var resource: Resource, id: UUID
    var isDeleted: Bool, canWrite: Bool, canRestore: Bool

    func view(chrome: Chrome) -> Component {
        let text = chrome.text
        let live = canWrite && !isDeleted
        return H.el("div", [("class", "actions")]) {
            if live { H.link(text("record.edit"), to: .record(resource, id, .edit), [("class", "button secondary")]) }
            H.link(text("record.history"), to: .record(resource, id, .history), [("class", "button secondary")])
            if live {
                H.link(text("record.delete"), to: .record(resource, id, .delete), [("class", "button danger-link")])
            }
            if isDeleted && canRestore {
                Forms.post(to: .record(resource, id, .restore), csrf: chrome.csrfToken, button: text("record.restore"))
            }
        }
    }
}

/// What a record's page knows of its reader: whether they may change the record, and restore it.
protocol RecordAccess {
    var canWrite: Bool { get }
    var canRestore: Bool { get }
}
