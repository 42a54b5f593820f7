import Domain
import Features
import Markup

extension EngagementPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let record = model.record
        let summary = record.summary
        let back = summary.visit.map { ($0.name, SiteURL.record(.visit, $0.id)) }
            ?? (text("engagements.title"), .list(.engagement))
        return RecordHeader(.engagement, record, trail: [back], meta: EngagementViews.when(summary, text: text),
                            restricted: summary.confidentiality == .restricted, canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            EngagementViews.facts(record, text: text)
            participants(record, text: text)
            photos(model, chrome: chrome)
            quotes(model, chrome: chrome)
            followUps(model, chrome: chrome)
            agreements(model, chrome: chrome)
            workingGroups(model, chrome: chrome)
            recommendations(model, chrome: chrome)
        }
    }

    /// The people by name with their part and title that day, and the head-counts of those not named.
    static func participants(_ record: EngagementRecord, text: Localizer) -> Component {
        Section.view(id: "participants", title: text("engagements.participants")) {
            if record.aggregateOnly { Paragraph(text("engagements.namesNobody")) }
            if record.participants.isEmpty && !record.aggregateOnly { Paragraph(text("record.none")) }
            if !record.participants.isEmpty {
                RecordList.view(record.participants) { participant in
                    H.el("p", [("class", "record-title")]) {
                        H.link(participant.person.name, to: .record(.person, participant.person.id))
                        Text(" — " + text("part.\(participant.part.rawValue)"))
                    }
                    if let title = participant.title {
                        H.text("p", [("class", "record-meta")],
                               [title, participant.organization].compactMap { $0 }.joined(separator: " · ")
                               + (participant.titleRecorded ? " " + text("engagements.recordedTitle") : ""))
                    }
                }
            }
            if !record.headCounts.isEmpty {
                H.el("h3") { Text(text("engagements.headCounts")) }
                H.el("ul", [("class", "plain")]) {
                    for count in record.headCounts { H.text("li", [], "\(count.category): \(count.displayCount)") }
                }
            }
        }
    }
}
