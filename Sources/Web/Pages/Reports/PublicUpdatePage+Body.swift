import Domain
import Foundation
import Features
import Markup

extension PublicUpdatePage {
    /// The update as it would be published: on the page as its preview, and in the exports.
    static func body(_ update: PublicUpdate, text: Localizer, photo: (PhotoRecord) -> String?) -> Component {
        // Photos are numbered through the whole update: "Image 2: …".
        let numbers = Dictionary(uniqueKeysWithValues: update.photos.enumerated().map { ($1.id, $0 + 1) })
        return H.el("article", [("class", "report public-update")]) {
            H.el("h1") { Text(update.headline) }
            for paragraph in PublicUpdateWording.paragraphs(update.lead) { Paragraph(paragraph) }
            if !update.delegation.isEmpty {
                Paragraph(text("publicUpdate.delegation", update.delegation.joined(separator: ", ")))
            }
            if !update.context.isEmpty {
                H.el("h2") { Text(text("publicUpdate.context")) }
                H.el("ul") {
                    for event in update.context {
                        H.text("li", [], PublicUpdateWording.days(event.period, text: text) + ": " + event.title)
                    }
                }
            }
            for section in update.sections { self.section(section, rule: update.smallNumbers, numbers: numbers, text: text, photo: photo) }
            if !update.agreements.isEmpty {
                H.el("h2") { Text(text("publicUpdate.agreements")) }
                H.el("ul") {
                    for line in update.agreements { H.text("li", [], PublicUpdateWording.agreement(line, text: text)) }
                }
            }
            for paragraph in PublicUpdateWording.paragraphs(update.text.closing) { Paragraph(paragraph) }
        }
    }

    /// One public engagement: who was there, what came of it, what was said, and its photos, numbered.
    static func section(_ section: PublicUpdate.Section, rule: SmallNumbers, numbers: [UUID: Int], text: Localizer,
                        photo: (PhotoRecord) -> String?) -> Component {
        let title = section.engagement.title
        return H.el("section", [("class", "report-engagement")]) {
            H.el("h2") { Text(title) }
            H.text("p", [("class", "record-meta")], PublicUpdateWording.when(section.engagement, text: text))
            if !section.participants.isEmpty {
                Paragraph(text("publicUpdate.with", PublicUpdateWording.people(section.participants)))
            }
            if !section.counts.isEmpty {
                Paragraph(text("publicUpdate.counted", PublicUpdateWording.counts(section.counts, rule: rule, text: text)))
            }
            for words in [section.summary, section.outcomes] {
                for paragraph in PublicUpdateWording.paragraphs(words) { Paragraph(paragraph) }
            }
            for quote in section.quotes {
                H.el("figure", [("class", "quote")]) {
                    H.el("blockquote", [("lang", quote.language)]) { Paragraph(text("common.quoted", quote.text)) }
                    if let attribution = quote.attribution { H.text("figcaption", [], "— " + attribution) }
                }
            }
            if !section.photos.isEmpty {
                H.el("div", [("class", "photos")]) {
                    for item in section.photos {
                        H.el("figure", [("class", "photo")]) {
                            if let source = photo(item) {
                                H.void("img", [("src", source), ("alt", item.caption ?? title)])
                            }
                            let caption = PublicUpdateWording.caption(item, fallback: title, text: text)
                            H.text("figcaption", [], text("publicUpdate.image", (numbers[item.id] ?? 0), caption))
                        }
                    }
                }
            }
        }
    }
}
