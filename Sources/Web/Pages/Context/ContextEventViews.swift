import Domain
import Features
import Markup

/// Pieces of the context pages that timelines and reports show too.
enum ContextEventViews {
    /// One event as a timeline shows it: marked as context, so it is never read as the organisation's own work.
    static func entry(_ item: ContextEventSummary, text: Localizer) -> Component {
        H.group {
            H.el("p", [("class", "record-title")]) {
                Badges.context(text)
                Text(" ")
                H.link(item.title, to: .record(.contextEvent, item.id))
                Badges.of(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
            }
            H.text("p", [("class", "record-meta")],
                   ([dates(item.period, text: text), text("contextKind.\(item.kind.rawValue)"),
                     text("severity.\(item.severity.rawValue)")]
                    + item.places.map(\.name)).joined(separator: " · "))
        }
    }

    static func dates(_ period: EventPeriod, text: Localizer) -> String {
        text.days(period.startsOn, period.endsOn)
    }

    /// The event's facts; also shown beside the form when someone else saved first.
    static func facts(_ event: ContextEventRecord, text: Localizer) -> Component {
        let summary = event.summary
        return Facts.list([
            (text("context.dates"), Text(dates(summary.period, text: text))),
            (text("context.kind"), Text(text("contextKind.\(summary.kind.rawValue)"))),
            (text("context.severity"), Text(text("severity.\(summary.severity.rawValue)"))),
            (text("context.places"), Facts.links(summary.places, .place)),
            (text("context.description"), Facts.plain(event.description)),
            // A source is someone else's page: no referrer, and not able to reach back into this one.
            (text("context.source"), event.sourceURL.map { url in
                H.el("a", [("href", url), ("rel", "noopener noreferrer external")]) { Text(url) }
            }),
            (text("context.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }
}

extension ContextEventSummary: Listed {
    static let resource = Resource.contextEvent
    var listedName: String { title }
    var isRestricted: Bool { confidentiality == .restricted }
}
