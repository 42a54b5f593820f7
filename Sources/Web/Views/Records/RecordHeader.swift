import Domain
import Features
import Markup

/// The top of every record's page: the way back, the name, a line about it with its badges, a notice when
/// it is deleted, and what the reader may do with it.
struct RecordHeader {
    /// Links back, broadest first.
    var trail: [(String, SiteURL)]
    var title: String
    /// "Partnership · Signed · signed 2023-08-07"; the badges follow it.
    var meta: String? = nil
    var restricted = false
    var deleted = false
    /// Shown before the meta line (the context badge).
    var mark: Component? = nil
    var controls: RecordControls?

    func view(chrome: Chrome) -> Component {
        let text = chrome.text
        return H.group {
            if !trail.isEmpty { Breadcrumb.view(trail) }
            H.el("h1") { Text(title) }
            if meta != nil || mark != nil || restricted || deleted {
                H.el("p", [("class", "record-meta")]) {
                    if let mark { mark }
                    if let meta { Text(meta) }
                    Badges.of(restricted: restricted, deleted: deleted, text: text)
                }
            }
            if deleted { H.el("p", [("class", "notice")]) { Text(text("record.deleted")) } }
            if let controls { controls.view(chrome: chrome) }
        }
    }
}

/// Links back, broadest first ("Places › Kosovo › Mitrovica").
enum Breadcrumb {
    static func view(_ trail: [(String, SiteURL)], cssClass: String = "breadcrumb") -> Component {
        H.el("p", [("class", cssClass)]) {
            for (index, (label, url)) in trail.enumerated() {
                if index > 0 { Text(" › ") }
                H.link(label, to: url)
            }
        }
    }
}

extension RecordHeader {
    /// The header of a record's own page: the way back to its kind's list, its name, and what its reader may do.
    init<Record: RecordValue>(_ resource: Resource, _ record: Record, list: String? = nil,
                              trail: [(String, SiteURL)] = [], title: String? = nil, meta: String? = nil,
                              restricted: Bool = false, mark: Component? = nil, canWrite: Bool, canRestore: Bool) {
        self.init(trail: list.map { [($0, .list(resource))] } ?? trail, title: title ?? record.label, meta: meta,
                  restricted: restricted,
                  deleted: record.isDeleted, mark: mark,
                  controls: RecordControls(resource: resource, id: record.id, isDeleted: record.isDeleted,
                                           canWrite: canWrite,
                                           canRestore: canRestore))
    }

    /// The header of a record whose summary lists it: its kind, name and restriction come from the summary.
    init<Record: RecordValue, Summary: Listed>(_ record: Record, _ summary: Summary, list: String, meta: String? = nil,
                                               mark: Component? = nil, access: some RecordAccess) {
        self.init(Summary.resource, record, list: list, title: summary.listedName, meta: meta,
                  restricted: summary.isRestricted, mark: mark, canWrite: access.canWrite,
                  canRestore: access.canRestore)
    }

    /// The whole page: this header, then what the record's page shows under it.
    func page(chrome: Chrome, @ComponentBuilder content: () -> Component) -> String {
        Layout.page(title: title, chrome: chrome) {
            view(chrome: chrome)
            content()
        }
    }
}
