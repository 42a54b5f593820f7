import Domain
import Features
import Markup

extension PeopleIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return RegistryFilters.page(model, .person, title: text("people.title"), new: text("people.new"), csv: .people, chrome: chrome) {
            // A sensitive field the reader may not see is not offered as a filter (it would tell it).
            if !model.hidden.contains(.community) {
                Forms.select(label: text("people.community"), name: "community",
                             options: Forms.refOptions(model.communities,
                                                       empty: text("list.any")), selected: model.communityID)
            }
            if !model.hidden.contains(.place) {
                Filters.choice(model.places, text("people.place"), name: "place", selected: model.placeID, text: text)
            }
            if model.canSeeRestricted {
                Filters.choice(Sensitivity.self, text("people.sensitivity"), name: "sensitivity",
                               prefix: "sensitivity",
                               selected: model.sensitivity, text: text)
            }
        } items: {
            PeopleBulk.form(.init(back: model.query(page: model.page.page)), choices: model.bulk, chrome: chrome)
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// Name, post and organisation, community, place and last contact: what a reader looks for in a person.
    static func table(_ model: Model, text: Localizer) -> DataTable<PersonRow> {
        DataTable(label: text("people.title"), columns: [
            .name(text: text) { row in
                H.group {
                    H.link([row.honorific, row.name].compactMap { $0 }.joined(separator: " "), to: .record(.person, row.id))
                    Badges.of(restricted: row.sensitivity == Sensitivity.restricted.rawValue, deleted: row.deleted,
                              text: text)
                }
            },
            .init(label: text("people.postAndOrganisation")) { $0.currentRoles.joined(separator: "; ") },
        ] + (model.hidden.contains(.community) ? [] : [.init(label: text("people.community")) { $0.community ?? "" }])
          + (model.hidden.contains(.place) ? [] : [.init(label: text("people.place")) { $0.place ?? "" }])
          + [.init(label: text("people.lastContact")) { row in row.lastContact.map(text.day) ?? "" }],
        sort: model.sort, sortedBy: model.sorted,
        selection: .init(form: PeopleBulk.formID, value: { $0.id.uuidString.lowercased() }, name: { $0.name }))
    }
}
