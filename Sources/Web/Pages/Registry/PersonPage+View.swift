import Domain
import Features
import Markup

extension PersonPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let person = model.data.person
        return RecordHeader(.person, person, list: text("people.title"),
                            title: [person.honorific, person.name].compactMap { $0 }.joined(separator: " "),
                            restricted: person.isRestricted, canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            facts(model, text: text)
            if !person.isDeleted { RegistryViews.stakeholderLinks(.person, person.id, text: text) }
            PositionViews.section(id: "positions-heading", title: text("people.positions"),
                                  now: (text("people.currentPositions"), model.current),
                                  before: (text("people.pastPositions"), model.past), organizationLink: true,
                                  canWrite: model.canWrite, text: text) {
                if model.canWrite && !person.isDeleted {
                    H.el("a", [("href", SiteURL.new(.position).path + "?person=" + person.id.uuidString.lowercased()),
                               ("class", "button secondary")]) { Text(text("people.addPosition")) }
                }
            }
            if let relationship = model.relationship {
                EngagementViews.relationship(relationship, today: model.today, chrome: chrome)
            }
            AgreementViews.partyTo(model.agreements, text: text)
            WorkingGroupViews.section(model.groups, title: text("groups.memberOf"), text: text)
            dataProtection(person, history: model.data.consentHistory, text: text)
            if model.canErase {
                H.el("p", [("class", "actions")]) {
                    H.link(text("subjectAccess.link"), to: .record(.person, person.id, .held), [("class", "button secondary")])
                    H.link(text("erasure.link"), to: .record(.person, person.id, .erase), [("class", "button danger-link")])
                    H.link(text("retention.title"), to: .retentionReview, [("class", "button secondary")])
                }
            }
        }
    }

    static func facts(_ model: Model, text: Localizer) -> Component {
        let person = model.data.person
        let roles: Component? = model.current.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
            for position in model.current {
                H.el("li") {
                    Text("\(position.title) · ")
                    H.link(position.organization.name, to: .record(.organization, position.organization.id))
                }
            }
        }
        // A sensitive field the reader may not see says so, rather than "not recorded".
        func unlessHidden(_ field: PersonalField, _ value: Component?) -> Component? {
            person.hiddenFields.contains(field.rawValue) ? H.text("span", [("class", "muted")], text("sensitiveField.notShown")) : value
        }
        return Facts.list([
            (text("people.otherNames"), Facts.lines(person.otherNames)),
            (text("people.roles"), roles),
            (text("people.community"), unlessHidden(.community, Facts.plain(person.community?.name))),
            (text("people.place"), unlessHidden(.place, Facts.link(person.place) { .record(.place, $0) })),
            (text("people.gender"), unlessHidden(.gender, person.gender.map { Text(text("gender.\($0)")) })),
            (text("people.languages"), unlessHidden(.languages, Facts.plain(person.languages.joined(separator: ", ")))),
            (text("people.emails"), unlessHidden(.contacts, Facts.lines(person.emails))),
            (text("people.phones"), unlessHidden(.contacts, Facts.lines(person.phones))),
            (text("people.notes"), unlessHidden(.notes, Facts.plain(person.notes))),
        ], text: text)
    }
}
