import Domain
import Features
import Markup

/// How an activity is named in the matrix and described on its page.
enum CoordinationViews {
    /// "North Mitrovica, Zvečan · 2023-01-01 – open"; the theme when neither is known.
    static func placesAndPeriod(_ activity: CoordinationRecord, text: Localizer) -> String {
        let places = activity.places.isEmpty ? nil : activity.places.map(\.name).joined(separator: ", ")
        let line = [places, period(activity, text: text)].compactMap { $0 }.joined(separator: " · ")
        return line.isEmpty ? activity.theme : line
    }

    /// "2023-01-01 – open"; nil when no day is known.
    static func period(_ activity: CoordinationRecord, text: Localizer) -> String? {
        let period = activity.period
        guard period.from != nil || period.to != nil else { return nil }
        return "\(period.from.map { text.day($0) } ?? "…") – \(period.to.map { text.day($0) } ?? text("coordination.open"))"
    }

    /// The activity's facts; also shown beside the form when someone else saved first.
    static func facts(_ activity: CoordinationRecord, text: Localizer) -> Component {
        Facts.list([
            (text("coordination.organization"),
             H.link(activity.organization.name, to: .record(.organization, activity.organization.id))),
            (text("coordination.theme"), Text(activity.theme)),
            (text("coordination.places"), Facts.links(activity.places, .place)),
            (text("coordination.period"), Facts.plain(period(activity, text: text))),
            (text("coordination.contact"), Facts.link(activity.contact) { .record(.person, $0) }),
            (text("coordination.notes"), Facts.plain(activity.notes)),
        ], text: text)
    }
}
