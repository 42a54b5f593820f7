import Domain
import Features
import Foundation
import Markup

/// The public update: the publication check first (what blocks it and how to resolve it), the author's
/// choices, then the preview. The exports are offered only when the check is clean.
enum PublicUpdatePage {
    struct Model {
        var update: PublicUpdate
        var canWrite: Bool
        var canPublish: Bool
        var errors = Forms.Errors()
        /// Someone else saved first: their version number, so a second save goes through knowingly.
        var conflict = false
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let update = model.update
        let visitID = update.visit.id
        return Layout.page(title: text("publicUpdate.title", update.visit.summary.title), chrome: chrome) {
            H.el("p", [("class", "breadcrumb no-print")]) { H.link(update.visit.summary.title, to: .record(.visit, visitID)) }
            H.el("h1") { Text(text("publicUpdate.title", update.visit.summary.title)) }
            H.text("p", [("class", "help")], text("publicUpdate.intro"))
            check(update, canPublish: model.canPublish, text: text)
            if model.conflict { H.el("div", [("class", "error-summary"), ("role", "alert")]) { Paragraph(text("record.conflict")) } }
            Forms.errorSummary(model.errors, text: text, idPrefix: "pu-")
            if model.canWrite { form(model, chrome: chrome) }
            H.el("h2") { Text(text("publicUpdate.preview")) }
            body(update, text: text) { SiteURL.record(.photo, $0.id, .small).path }
        }
    }

    /// The check's verdict, each problem as a sentence that says how to resolve it.
    static func check(_ update: PublicUpdate, canPublish: Bool, text: Localizer) -> Component {
        let result = update.check
        return H.el("section", [("id", "check"), ("aria-labelledby", "check-title")]) {
            H.text("h2", [("id", "check-title")], text("publicUpdate.check"))
            if result.isClean {
                H.el("div", [("class", "notice success"), ("role", "status")]) { Paragraph(text("publicUpdate.ready")) }
                if canPublish {
                    H.el("div", [("class", "actions")]) {
                        H.link(text("report.markdown"), to: .record(.visit, update.visit.id, .publicUpdateMarkdown), [("class", "button secondary")])
                        H.link(text("report.html"), to: .record(.visit, update.visit.id, .publicUpdateHTML), [("class", "button secondary")])
                    }
                } else {
                    H.text("p", [("class", "help")], text("publicUpdate.mayNotPublish"))
                }
            } else {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("publicUpdate.blocked", String(result.problems.count)))
                    H.el("ul") {
                        for problem in result.problems {
                            H.el("li") {
                                if let target = anchor(problem) {
                                    H.el("a", [("href", target)]) { Text(sentence(problem, update: update, text: text)) }
                                } else {
                                    Text(sentence(problem, update: update, text: text))
                                }
                            }
                        }
                    }
                }
            }
            if result.restrictedLeftOut > 0 { H.text("p", [("class", "help")], text("publicUpdate.restrictedLeftOut", String(result.restrictedLeftOut))) }
            if result.quotesWithheld > 0 { H.text("p", [("class", "help")], text("publicUpdate.withheldLeftOut", String(result.quotesWithheld))) }
        }
    }

    /// Where the fix is: the quote's or photo's box to leave it out, else the person's choice.
    static func anchor(_ problem: PublicationCheck.Problem) -> String? {
        if let item = problem.item, problem.use != .named {
            return "#pu-\(problem.use == .quoted ? "quote" : "photo")-\(item.uuidString.lowercased())"
        }
        return problem.person.map { "#pu-person-\($0.uuidString.lowercased())" }
    }

    static func sentence(_ problem: PublicationCheck.Problem, update: PublicUpdate, text: Localizer) -> String {
        let name = problem.person.flatMap { update.subjects[$0]?.name } ?? ""
        let place = placeName(problem.place, text: text)
        let answer = text("answer.\((problem.answer ?? .unknown).rawValue)")
        switch problem.reason {
        case .noConsent: return text("publicUpdate.problem.\(problem.use.rawValue)", name, answer, place)
        case .nameInText: return text("publicUpdate.problem.nameInText", name, place)
        case .restrictedNameInText: return text("publicUpdate.problem.restrictedNameInText", place)
        }
    }

    /// The check names its places by field ("lead") or by engagement title; fields get words.
    static func placeName(_ place: String, text: Localizer) -> String {
        ["delegation", "headline", "lead", "closing", "label"].contains(place) ? text("publicUpdate.place.\(place)") : "“\(place)”"
    }

    static func form(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let update = model.update
        let values = update.text
        return H.el("form", [("method", "post"), ("action", SiteURL.record(.visit, update.visit.id, .publicUpdate).path + "#check"), ("class", "record-form")]) {
            Forms.csrf(chrome.csrfToken)
            Forms.hidden("version", String(values.version))
            Forms.field(label: text("publicUpdate.headline"), name: "headline", value: values.headline ?? update.visit.summary.title,
                        error: model.errors["headline"], id: "pu-headline")
            RegistryViews.textarea(label: text("publicUpdate.lead"), name: "lead", value: values.lead ?? "", error: model.errors["lead"],
                                   help: text("publicUpdate.lead.help"), rows: 5, id: "pu-lead")
            RegistryViews.textarea(label: text("publicUpdate.closing"), name: "closing", value: values.closing ?? "", error: model.errors["closing"],
                                   rows: 3, id: "pu-closing")
            H.el("h2") { Text(text("publicUpdate.people")) }
            if update.check.mentions.isEmpty { Paragraph(text("publicUpdate.nobody")) }
            for mention in update.check.mentions { person(mention, errors: model.errors, text: text) }
            if !update.quoteChoices.isEmpty {
                H.el("fieldset") {
                    H.text("legend", [], text("publicUpdate.quotes"))
                    for choice in update.quoteChoices {
                        Forms.checkbox(label: text("publicUpdate.leaveOut", choice.label) + " (" + choice.place + ")", name: "quoteOut[\(choice.id.uuidString.lowercased())]",
                                       checked: choice.leftOut, id: "pu-quote-\(choice.id.uuidString.lowercased())")
                    }
                }
            }
            if !update.photoChoices.isEmpty {
                H.el("fieldset") {
                    H.text("legend", [], text("publicUpdate.photos"))
                    for choice in update.photoChoices {
                        Forms.checkbox(label: text("publicUpdate.leaveOut", choice.label) + " (" + choice.place + ")", name: "photoOut[\(choice.id.uuidString.lowercased())]",
                                       checked: choice.leftOut, id: "pu-photo-\(choice.id.uuidString.lowercased())")
                    }
                }
            }
            Forms.submit(text("publicUpdate.save"))
        }
    }

    /// One person: how they appear and what they agreed to, and how the update shows them.
    static func person(_ mention: PublicationCheck.Mention, errors: Forms.Errors, text: Localizer) -> Component {
        let key = mention.person.uuidString.lowercased()
        let uses = [PublicationCheck.Use.named, .quoted, .shown].compactMap { use in
            mention.uses[use].map { text("publicUpdate.use.\(use.rawValue)") + ": " + text("answer.\($0.rawValue)") }
        }
        return H.el("fieldset", [("id", "pu-person-\(key)"), ("class", "publication-person")]) {
            H.el("legend") { H.link(mention.name, to: .record(.person, mention.person)) }
            H.text("p", [("class", "help")], text("publicUpdate.uses") + " — " + uses.joined(separator: " · "))
            Forms.select(label: text("publicUpdate.treatment"), name: "person[\(key)]",
                         options: PublicationCheck.Treatment.allCases.map { ($0.rawValue, text("publicUpdate.treatment.\($0.rawValue)")) },
                         selected: mention.decision.treatment.rawValue, id: "pu-treatment-\(key)")
            Forms.field(label: text("publicUpdate.label"), name: "label[\(key)]", value: mention.decision.label ?? "",
                        error: errors["people.\(key).label"], id: "pu-people.\(key).label")
        }
    }

    /// A whole document that opens anywhere: the stylesheet inline, photos as data.
    static func standalone(_ update: PublicUpdate, stylesheet: String, text: Localizer, photo: (PhotoRecord) -> String?) -> String {
        var html = "<!DOCTYPE html>"
        H.el("html", [("lang", text.language)]) {
            H.el("head") {
                H.void("meta", [("charset", "utf-8")])
                H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                H.text("title", [], update.headline)
                H.el("style") { RawCSS(css: stylesheet) }
            }
            H.el("body") { H.el("main", [("id", "main")]) { body(update, text: text, photo: photo) } }
        }.write(to: &html)
        return html
    }

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
