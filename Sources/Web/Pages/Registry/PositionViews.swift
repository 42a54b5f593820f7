import Foundation
import Domain
import Features
import Markup

/// Positions as a person's and an organisation's pages show them: now and before, each with its dates.
enum PositionViews {
    static func section(id: String, title: String, now: (String, [PositionRecord]), before: (String, [PositionRecord]),
                        organizationLink: Bool, canWrite: Bool, text: Localizer,
                        @ComponentBuilder add: () -> Component) -> Component {
        Section.view(id: id, title: title) {
            if now.1.isEmpty && before.1.isEmpty { Paragraph(text("record.none")) }
            for (heading, positions) in [now, before] where !positions.isEmpty {
                H.text("h3", [], heading)
                H.el("ul", [("class", "plain")]) {
                    for position in positions {
                        line(position, organizationLink: organizationLink, canWrite: canWrite, text: text)
                    }
                }
            }
            add()
        }
    }

    /// "Mayor · Municipality of Mitrovica South since 2021-11-01", with a link to edit it.
    static func line(_ position: PositionRecord, organizationLink: Bool, canWrite: Bool, text: Localizer) -> Component {
        H.el("li") {
            H.text("strong", [], position.title)
            Text(" · ")
            if organizationLink {
                H.link(position.organization.name, to: .record(.organization, position.organization.id))
            } else {
                H.link(position.person.name, to: .record(.person, position.person.id))
            }
            Text(" ")
            H.text("span", [("class", "muted")], dates(position, text: text))
            if canWrite {
                Text(" ")
                H.link(text("record.edit"), to: .record(.position, position.id, .edit), [("class", "small-link")])
            }
        }
    }

    static func dates(_ position: PositionRecord, text: Localizer) -> String {
        switch (position.startsOn, position.endsOn) {
        case let (from?, to?): return text("positions.between", text.day(iso: from), text.day(iso: to))
        case let (from?, nil): return text("positions.since", text.day(iso: from))
        case let (nil, to?): return text("positions.until", text.day(iso: to))
        case (nil, nil): return ""
        }
    }
}
