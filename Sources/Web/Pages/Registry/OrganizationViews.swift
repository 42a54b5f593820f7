import Domain
import Features
import Markup

/// An organisation's facts, on its page and beside the form when someone else saved first.
enum OrganizationViews {
    static func facts(_ org: OrganizationRecord, text: Localizer, name: Bool = false) -> Component {
        let website = org.website.map { site in
            H.el("a", [("href", site), ("rel", "noopener noreferrer")]) { Text(site) }
        }
        let rows: [Facts.Row] = [
            (text("organizations.name"), name ? Text(org.name) : nil),
            (text("organizations.otherNames"), Facts.plain(org.otherNames.joined(separator: ", "))),
            (text("organizations.kind"), Text(text("kind.\(org.kind)"))),
            (text("organizations.level"), org.level.map { Text(text("level.\($0)")) }),
            (text("organizations.parent"), Facts.link(org.parent) { .record(.organization, $0) }),
            (text("organizations.place"), Facts.link(org.place) { .record(.place, $0) }),
            (text("organizations.website"), website),
            (text("organizations.notes"), Facts.plain(org.notes)),
        ]
        return Facts.list(name ? rows : Array(rows.dropFirst()), text: text)
    }
}
