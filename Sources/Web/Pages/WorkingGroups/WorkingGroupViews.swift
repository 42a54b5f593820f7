import Domain
import Features
import Markup

/// Pieces of the working-group pages that other pages show too.
enum WorkingGroupViews {
    /// Each group, and the agreement it came from.
    static func list(_ items: [WorkingGroupSummary], text: Localizer) -> Component {
        RecordList.of(items, text: text) { _ in nil } more: { item in
            if let agreement = item.agreement { RecordList.link(agreement, .agreement) }
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

extension WorkingGroupSummary: Listed {
    static let resource = Resource.workingGroup
    var listedName: String { name }
    var isRestricted: Bool { confidentiality == .restricted }
}
