import Domain
import Features
import Foundation
import Markup

/// What the record holds on one person, to give them in answer to a subject-access request: readable
/// here (and printable), the same as JSON from the link at the top.
enum SubjectAccessPage {
    static func view(_ report: SubjectAccess.Report, chrome: Chrome) -> String {
        let text = chrome.text, person = report.person
        return Layout.page(title: text("subjectAccess.title", person.name), chrome: chrome) {
            Breadcrumb.view([(text("people.title"), .list(.person)), (person.name, .record(.person, person.id))])
            H.el("h1") { Text(text("subjectAccess.title", person.name)) }
            Paragraph(text("subjectAccess.intro", text.dateTime(report.generatedAt)))
            H.el("p", [("class", "actions")]) {
                H.link(text("subjectAccess.json"), to: .record(.person, person.id, .heldJSON), [("class", "button secondary")])
            }
            Section.view(id: "sa-record", title: text("subjectAccess.record")) {
                Facts.list([
                    (text("people.name"), Facts.plain(person.name)),
                    (text("people.otherNames"), Facts.plain(person.otherNames.joined(separator: ", "))),
                    (text("people.honorific"), Facts.plain(person.honorific)),
                    (text("people.gender"), person.gender.map { Text(text("gender.\($0)")) }),
                    (text("people.community"), Facts.plain(person.community?.name)),
                    (text("people.place"), Facts.plain(person.place?.name)),
                    (text("people.languages"), Facts.plain(person.languages.joined(separator: ", "))),
                    (text("people.emails"), Facts.plain(person.emails.joined(separator: ", "))),
                    (text("people.phones"), Facts.plain(person.phones.joined(separator: ", "))),
                    (text("people.notes"), Facts.plain(person.notes)),
                    (text("subjectAccess.recordedSince"), Text(text.dateTime(person.createdAt))),
                ], text: text)
            }
            PersonPage.dataProtection(person, history: report.consentHistory, text: text)
            Section.view(id: "sa-positions", title: text("people.positions")) {
                list(report.positions, text: text) { "\($0.title) · \($0.organization.name)" + span($0, text: text) }
            }
            Section.view(id: "sa-engagements", title: text("engagements.title")) {
                list(report.engagements, text: text) { "\(text.wallClock($0.start)) · \($0.title)" }
            }
            Section.view(id: "sa-quotes", title: text("quotes.title")) {
                list(report.quotes, text: text) { "„\($0.text)“ · \($0.engagement.name)" }
            }
            Section.view(id: "sa-photos", title: text("subjectAccess.photos")) {
                list(report.photos, text: text) {
                    [$0.engagement.name, $0.caption, $0.othersShown > 0 ? text("subjectAccess.othersShown", $0.othersShown) : nil]
                        .compactMap { $0 }.joined(separator: " · ")
                }
            }
            Section.view(id: "sa-assessments", title: text("subjectAccess.assessments")) {
                list(report.assessments, text: text) { [text.day($0.assessedOn), $0.notes].compactMap { $0 }.joined(separator: " · ") }
            }
            Section.view(id: "sa-history", title: text("subjectAccess.history")) {
                if report.history.isEmpty { Paragraph(text("record.none")) } else {
                    AuditTable.view(report.history, text: text, showRecord: false)
                }
            }
        }
    }

    static func list<T>(_ items: [T], text: Localizer, _ line: (T) -> String) -> Component {
        if items.isEmpty { return Paragraph(text("record.none")) }
        return H.el("ul") { for item in items { H.text("li", [], line(item)) } }
    }

    static func span(_ position: PositionRecord, text: Localizer) -> String {
        let days = [position.startsOn, position.endsOn].map { $0.map { text.day(iso: $0) } ?? "…" }
        return position.startsOn == nil && position.endsOn == nil ? "" : " · " + days.joined(separator: " – ")
    }
}
