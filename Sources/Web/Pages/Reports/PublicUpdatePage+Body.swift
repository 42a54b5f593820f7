import Domain
import Features
import Markup

extension PublicUpdatePage {
    static func body(_ update: PublicUpdate, text: Localizer, photo: (PhotoRecord) -> String?) -> Component {
        let numbers = Dictionary(uniqueKeysWithValues: update.photos.enumerated().map { ($0.element.id, $0.offset + 1) })
        return H.el("article", [("class", "report public-update")]) {
            H.el("h1") { Text(update.headline) }
            for paragraph in PublicUpdateWording.paragraphs(update.lead) { Paragraph(paragraph) }
            if !update.delegation.isEmpty { Paragraph(text("publicUpdate.delegation", update.delegation.joined(separator: ", "))) }
            if !update.context.isEmpty {
                H.el("h2") { Text(text("publicUpdate.context")) }
                H.el("ul") { for event in update.context { H.text("li", [], PublicUpdateWording.days(event.period) + ": " + event.title) } }
            }
            for section in update.sections {
                H.el("section", [("class", "report-engagement")]) {
                    H.el("h2") { Text(section.engagement.title) }
                    H.text("p", [("class", "record-meta")], PublicUpdateWording.when(section.engagement))
                    if !section.participants.isEmpty { Paragraph(text("publicUpdate.with", PublicUpdateWording.people(section.participants))) }
                    if !section.headCounts.isEmpty { Paragraph(text("publicUpdate.counted", PublicUpdateWording.counts(section.headCounts, text: text))) }
                    for paragraph in PublicUpdateWording.paragraphs(section.summary) + PublicUpdateWording.paragraphs(section.outcomes) { Paragraph(paragraph) }
                    for quote in section.quotes {
                        H.el("figure", [("class", "quote")]) {
                            H.el("blockquote", [("lang", quote.language)]) { Paragraph("“" + quote.text + "”") }
                            if let attribution = quote.attribution { H.text("figcaption", [], "— " + attribution) }
                        }
                    }
                    if !section.photos.isEmpty {
                        H.el("div", [("class", "photos")]) {
                            for item in section.photos {
                                let caption = text("publicUpdate.image", String(numbers[item.id] ?? 0),
                                                   PublicUpdateWording.caption(item, fallback: section.engagement.title, text: text))
                                H.el("figure", [("class", "photo")]) {
                                    if let source = photo(item) { H.void("img", [("src", source), ("alt", item.caption ?? section.engagement.title)]) }
                                    H.text("figcaption", [], caption)
                                }
                            }
                        }
                    }
                }
            }
            if !update.agreements.isEmpty {
                H.el("h2") { Text(text("publicUpdate.agreements")) }
                H.el("ul") { for line in update.agreements { H.text("li", [], PublicUpdateWording.agreement(line, text: text)) } }
            }
            for paragraph in PublicUpdateWording.paragraphs(update.text.closing) { Paragraph(paragraph) }
        }
    }
}
