import Domain
import Features
import Markup

extension OrganizationsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return RegistryFilters.page(model, .organization, title: text("organizations.title"), new: text("organizations.new"),
                                    csv: .organizations, chrome: chrome) {
            Filters.choice(OrganizationKind.self, text("organizations.kind"), name: "kind", prefix: "kind",
                           selected: model.kind, text: text)
            Filters.choice(GovernanceLevel.self, text("organizations.level"), name: "level", prefix: "level",
                           selected: model.level, text: text)
            Filters.choice(model.places, text("organizations.place"), name: "place", selected: model.placeID,
                           text: text)
        } items: {
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// Name (and other names), kind, level of governance and place.
    static func table(_ model: Model, text: Localizer) -> DataTable<OrganizationRow> {
        DataTable(label: text("organizations.title"), columns: [
            .name(text: text) { row in
                H.group {
                    H.link(row.name, to: .record(.organization, row.id))
                    if !row.otherNames.isEmpty {
                        H.text("span", [("class", "muted")], " (" + row.otherNames.joined(separator: ", ") + ")")
                    }
                    Badges.of(restricted: false, deleted: row.deleted, text: text)
                }
            },
            .init(label: text("organizations.kind")) { text("kind.\($0.kind)") },
            .init(label: text("organizations.level")) { $0.level.map { text("level.\($0)") } ?? "" },
            .init(label: text("organizations.place")) { $0.place ?? "" },
        ], sort: model.sort, sortedBy: model.sorted)
    }
}
