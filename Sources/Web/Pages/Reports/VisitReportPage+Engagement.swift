import Domain
import Features
import Markup

extension VisitReportPage {
    /// One engagement of the visit, as the report tells it.
    static func engagement(_ record: EngagementRecord, text: Localizer, photo: (PhotoRecord) -> String?) -> Component {
        let summary = record.summary
        let when = [text.wallClock(summary.start), summary.place?.name, summary.venue]
        return H.el("section", [("class", "report-engagement")]) {
            H.el("h3") { Text(summary.title) }
            H.text("p", [("class", "record-meta")], when.compactMap { $0 }.joined(separator: " · "))
            if !record.participants.isEmpty {
                H.el("h4") { Text(text("report.participants")) }
                H.el("ul") {
                    for participant in record.participants {
                        let role = [participant.title, participant.organization].compactMap { $0 }
                            .joined(separator: ", ")
                        H.text("li", [], participant.person.name + (role.isEmpty ? "" : " — " + role))
                    }
                }
            }
            if !record.headCounts.isEmpty {
                H.el("p") {
                    H.text("strong", [], text("report.headCounts") + ": ")
                    Text(record.headCounts.map { "\($0.category): \($0.displayCount)" }.joined(separator: "; "))
                }
            }
            if let outcomes = record.outcomes { H.el("h4") { Text(text("report.outcomes")) }; Paragraph(outcomes) }
            if let decisions = record.decisions { H.el("h4") { Text(text("report.decisions")) }; Paragraph(decisions) }
            if !record.quotes.isEmpty {
                H.el("h4") { Text(text("report.quotes")) }
                for quote in record.quotes {
                    let verdict = quote.publication == .publishable
                        ? "" : " (" + text("quotes.verdict.\(quote.publication.rawValue)") + ")"
                    H.el("figure", [("class", "quote")]) {
                        H.el("blockquote", [("lang", quote.language)]) { Paragraph(quote.text) }
                        H.text("figcaption", [], "— " + (quote.speaker?.name ?? quote.speakerLabel ?? "") + verdict)
                    }
                }
            }
            if !record.photos.isEmpty {
                H.el("div", [("class", "photos")]) {
                    for item in record.photos {
                        H.el("figure", [("class", "photo")]) {
                            if let source = photo(item) {
                                H.void("img",
                                       [("src", source), ("alt", text("photos.alt", item.caption ?? summary.title))])
                            }
                            H.text("figcaption", [], [item.caption, item.credit.map { text("photos.credited", $0) }]
                                .compactMap { $0 }.joined(separator: " · "))
                        }
                    }
                }
            }
        }
    }
}
