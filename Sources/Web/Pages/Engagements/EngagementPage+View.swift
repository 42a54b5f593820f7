import Domain
import Features
import Markup

extension EngagementPage {
    /// Read first, edit second: what happened and who took part, then what follows from it, then what was
    /// said and shown, then the records it is linked to. Every small form waits behind its own disclosure
    /// beside its part's heading.
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let record = model.record
        let summary = record.summary
        let back = summary.visit.map { ($0.name, SiteURL.record(.visit, $0.id)) }
            ?? (text("engagements.title"), .list(.engagement))
        return RecordHeader(.engagement, record, trail: [back], meta: EngagementViews.when(summary, text: text),
                            restricted: summary.confidentiality == .restricted, canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            EngagementViews.overview(record, text: text)
            participants(record, communities: model.communityNames, text: text)
            followUps(model, chrome: chrome)
            quotes(model, chrome: chrome)
            photos(model, chrome: chrome)
            linked(model, chrome: chrome)
        }
    }

    /// A part of the page, named by its heading; the disclosure to add to it sits beside the heading, so a
    /// closed form costs no line of its own, and opens across the part's width.
    ///
    /// With `fold` (how many things it holds, and what to add to the count's label), a phone shows the
    /// heading and "Show (2)" until asked, so the page reads first; a wider screen always shows the part. The
    /// toggle is a checkbox and its label, as the site's menu, so it works without scripts; it is left out
    /// where there is nothing to fold.
    static func part(id: String, title: String, fold: (count: Int, mark: Component?)? = nil,
                     add: Component = EmptyComponent(), text: Localizer,
                     @ComponentBuilder content: () -> Component) -> Component {
        let folds = (fold?.count ?? 0) > 0
        return H.el("section", [("class", folds ? "record-part foldable" : "record-part"), ("aria-labelledby", id)]) {
            H.el("div", [("class", "part-head")]) {
                H.el("h2", [("id", id)]) { Text(title) }
                if let fold, folds {
                    H.void("input", [("type", "checkbox"), ("id", "\(id)-toggle"), ("class", "part-toggle"),
                                     ("aria-controls", "\(id)-body"), ("aria-describedby", id)])
                    H.el("label", [("for", "\(id)-toggle"), ("class", "part-show")]) {
                        H.text("span", [("class", "when-closed")], text("record.show", fold.count))
                        H.text("span", [("class", "when-open")], text("record.hide", fold.count))
                        if let mark = fold.mark { mark }
                    }
                }
                add
            }
            H.el("div", [("class", "part-body"), ("id", "\(id)-body")]) { content() }
        }
    }

    /// The people by name with their part and title that day (the first few, the rest folded), and the
    /// head-counts of those not named on one line.
    static func participants(_ record: EngagementRecord, communities: [String: String] = [:], text: Localizer) -> Component {
        part(id: "participants", title: text("engagements.participants"), text: text) {
            if record.aggregateOnly { Paragraph(text("engagements.namesNobody")) }
            if record.participants.isEmpty && !record.aggregateOnly { Paragraph(text("record.none")) }
            if !record.participants.isEmpty {
                Fold.list(record.participants, cssClass: "people", text: text) { participant in
                    H.link(participant.person.name, to: .record(.person, participant.person.id))
                    Text(" — " + text("part.\(participant.part.rawValue)"))
                    if let title = participant.title {
                        H.text("span", [("class", "post")],
                               " · " + [title, participant.organization].compactMap { $0 }.joined(separator: " · ")
                               + (participant.titleRecorded ? " " + text("engagements.recordedTitle") : ""))
                    }
                }
            }
            if !record.headCounts.isEmpty {
                H.el("div", [("class", "run-in")]) {
                    H.el("h3") { Text(text("engagements.headCounts")) }
                    H.el("ul", [("class", "inline")]) {
                        for count in record.headCounts {
                            H.el("li") {
                                Text("\(count.category): \(count.displayCount)")
                                if let breakdown = EngagementViews.breakdown(count, communities: communities, text: text) {
                                    H.text("span", [("class", "post")], " (" + breakdown + ")")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
