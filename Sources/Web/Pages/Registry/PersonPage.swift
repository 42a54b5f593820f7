import Foundation
import Domain
import Features
import Markup

/// One person: who they are, their data protection, their positions over time.
enum PersonPage {
    struct Model: Sendable {
        var data: PersonPageData
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var organizations: [RecordRef]
        var relationship: RelationshipHistory?
        var agreements: [AgreementSummary] = []
        var groups: [WorkingGroupSummary] = []
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let person = model.data.person
        let current = model.data.positions.filter { $0.isCurrent(on: model.today) }
        let past = model.data.positions.filter { !$0.isCurrent(on: model.today) }
        return Layout.page(title: person.name, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("people.title"), to: .list(.person)) }
            H.el("h1") {
                Text([person.honorific, person.name].compactMap { $0 }.joined(separator: " "))
                RegistryViews.badges(restricted: person.isRestricted, deleted: person.isDeleted, text: text)
            }
            if person.isDeleted { H.el("p", [("class", "notice")]) { Text(text("record.deleted")) } }
            RegistryViews.actions(
                edit: model.canWrite && !person.isDeleted ? .record(.person, person.id, .edit) : nil,
                delete: model.canWrite && !person.isDeleted ? .record(.person, person.id, .delete) : nil,
                restore: model.canRestore && person.isDeleted ? .record(.person, person.id, .restore) : nil,
                history: .record(.person, person.id, .history), csrf: chrome.csrfToken, text: text
            )
            RegistryViews.facts([
                (text("people.otherNames"), RegistryViews.lines(person.otherNames)),
                (text("people.roles"), current.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                    for position in current { H.el("li") { Text("\(position.title) · "); H.link(position.organization.name, to: .record(.organization, position.organization.id)) } }
                }),
                (text("people.community"), RegistryViews.plain(person.community?.name)),
                (text("people.place"), RegistryViews.link(person.place) { .record(.place, $0) }),
                (text("people.gender"), person.gender.map { Text(text("gender.\($0)")) }),
                (text("people.languages"), RegistryViews.plain(person.languages.joined(separator: ", "))),
                (text("people.emails"), RegistryViews.lines(person.emails)),
                (text("people.phones"), RegistryViews.lines(person.phones)),
                (text("people.notes"), RegistryViews.plain(person.notes)),
            ], text: text)
            if !person.isDeleted {
                H.el("p", [("class", "actions")]) {
                    H.link(text("assessments.link"), to: .record(.person, person.id, .assessments), [("class", "button secondary")])
                    H.link(text("network.link"), to: .record(.person, person.id, .network), [("class", "button secondary")])
                }
            }
            positions(current: current, past: past, model: model, chrome: chrome)
            if let relationship = model.relationship { EngagementViews.relationship(relationship, today: model.today, chrome: chrome) }
            AgreementPages.partyTo(model.agreements, text: chrome.text)
            WorkingGroupPages.section(model.groups, title: chrome.text("groups.memberOf"), text: chrome.text)
            dataProtection(person, history: model.data.consentHistory, text: text)
        }
    }

    static func positionLine(_ position: PositionRecord, organizationLink: Bool, canWrite: Bool, text: Localizer) -> Component {
        H.el("li") {
            H.text("strong", [], position.title)
            Text(" · ")
            if organizationLink { H.link(position.organization.name, to: .record(.organization, position.organization.id)) } else { H.link(position.person.name, to: .record(.person, position.person.id)) }
            Text(" ")
            H.text("span", [("class", "muted")], dates(position, text: text))
            if canWrite { Text(" "); H.link(text("record.edit"), to: .record(.position, position.id, .edit), [("class", "small-link")]) }
        }
    }

    static func dates(_ position: PositionRecord, text: Localizer) -> String {
        switch (position.startsOn, position.endsOn) {
        case let (from?, to?): return text("positions.between", from, to)
        case let (from?, nil): return text("positions.since", from)
        case let (nil, to?): return text("positions.until", to)
        case (nil, nil): return ""
        }
    }

    private static func positions(current: [PositionRecord], past: [PositionRecord], model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "positions-heading")]) {
            H.el("h2", [("id", "positions-heading")]) { Text(text("people.positions")) }
            if current.isEmpty && past.isEmpty { Paragraph(text("record.none")) }
            if !current.isEmpty {
                H.text("h3", [], text("people.currentPositions"))
                H.el("ul", [("class", "plain")]) { for p in current { positionLine(p, organizationLink: true, canWrite: model.canWrite, text: text) } }
            }
            if !past.isEmpty {
                H.text("h3", [], text("people.pastPositions"))
                H.el("ul", [("class", "plain")]) { for p in past { positionLine(p, organizationLink: true, canWrite: model.canWrite, text: text) } }
            }
            if model.canWrite && !model.data.person.isDeleted {
                H.el("a", [("href", SiteURL.new(.position).path + "?person=" + model.data.person.id.uuidString.lowercased()), ("class", "button secondary")]) {
                    Text(text("people.addPosition"))
                }
            }
        }
    }

    private static func dataProtection(_ person: PersonRecord, history: [ConsentEvent], text: Localizer) -> Component {
        H.el("section", [("aria-labelledby", "dp-heading")]) {
            H.el("h2", [("id", "dp-heading")]) { Text(text("people.dataProtection")) }
            RegistryViews.facts(
                [(text("people.basis"), Text(text("basis.\(person.lawfulBasis)")))]
                    + ConsentUse.allCases.map { (text("consent.\($0.rawValue)"), Text(text("answer.\(person.answer($0).rawValue)"))) }
                    + [(text("people.sensitivity"), Text(text("sensitivity.\(person.sensitivity)")))],
                text: text
            )
            if !history.isEmpty {
                H.el("h3") { Text(text("people.consentHistory")) }
                H.el("ul", [("class", "plain consent-history")]) {
                    for event in history {
                        H.el("li") {
                            H.el("time", [("datetime", Formatting.isoDateTime(event.recordedAt))]) { Text(Formatting.dateTime(event.recordedAt)) }
                            Text(" · \(text("consent.\(event.subject)")): ")
                            H.text("strong", [], event.subject == "basis" ? text("basis.\(event.value)") : text("answer.\(event.value)"))
                            if let on = event.obtainedOn { Text(" · \(text("people.obtainedOn")) \(on)") }
                            if let method = event.method { Text(" · \(method)") }
                            Text(" · \(event.recordedBy)")
                        }
                    }
                }
            }
        }
    }
}
