import Domain
import Features
import Markup

/// Pieces of the working-group pages that other pages show too.
enum WorkingGroupViews {
    static func list(_ items: [WorkingGroupSummary], text: Localizer) -> Component {
        RecordList.view(items) { item in
            RecordList.entry(item.name, to: .record(.workingGroup, item.id),
                             restricted: item.confidentiality == .restricted,
                             deleted: item.isDeleted, meta: nil, text: text)
            if let agreement = item.agreement {
                H.el("p",
                     [("class", "record-meta muted")]) { H.link(agreement.name, to: .record(.agreement, agreement.id)) }
            }
        }
    }

    /// The section on a person's page (their groups) or an agreement's page (the groups it started).
    static func section(_ items: [WorkingGroupSummary], title: String, text: Localizer) -> Component {
        Section.unlessEmpty(items, id: "groups-heading", title: title) { list(items, text: text) }
    }

    /// The group's facts; also shown beside the form when someone else saved first.
    static func facts(_ group: WorkingGroupRecord, text: Localizer) -> Component {
        Facts.list([
            (text("groups.purpose"), Facts.plain(group.purpose)),
            (text("groups.agreement"), Facts.link(group.summary.agreement) { .record(.agreement, $0) }),
            (text("groups.confidentiality"), Text(text("confidentiality.\(group.summary.confidentiality.rawValue)"))),
        ], text: text)
    }
}
