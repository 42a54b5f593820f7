import Domain
import Features
import Foundation
import Markup

/// The visit report: one body, shown on the site (print-ready on A4) and exported as a single HTML file
/// with its styles and photos inside.
enum VisitReportPage {
    static func view(_ report: VisitReport, drafted: String, canWrite: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("report.title", report.visit.summary.title), chrome: chrome) {
            H.el("p", [("class", "breadcrumb no-print")]) { H.link(report.visit.summary.title, to: .record(.visit, report.visit.id)) }
            H.el("div", [("class", "actions no-print")]) {
                H.link(text("report.markdown"), to: .record(.visit, report.visit.id, .reportMarkdown), [("class", "button secondary")])
                H.link(text("report.html"), to: .record(.visit, report.visit.id, .reportHTML), [("class", "button secondary")])
                H.link(text("report.pdf"), to: .record(.visit, report.visit.id, .reportPDF), [("class", "button secondary")])
            }
            if canWrite { H.el("p", [("class", "no-print")]) { H.link(text("report.edit"), to: .record(.visit, report.visit.id, .editReport), [("class", "button primary")]) } }
            H.text("p", [("class", "help no-print")], text("report.print"))
            body(report, drafted: drafted, text: text) { SiteURL.record(.photo, $0.id, .small).path }
        }
    }

    /// A whole document that opens anywhere: the stylesheet inline, photos as data.
    static func standalone(_ report: VisitReport, drafted: String, stylesheet: String, text: Localizer, photo: (PhotoRecord) -> String?) -> String {
        var html = "<!DOCTYPE html>"
        H.el("html", [("lang", text.language)]) {
            H.el("head") {
                H.void("meta", [("charset", "utf-8")])
                H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                H.text("title", [], text("report.title", report.visit.summary.title))
                H.el("style") { RawCSS(css: stylesheet) }
            }
            H.el("body") {
                H.el("main", [("id", "main")]) { body(report, drafted: drafted, text: text, photo: photo) }
            }
        }.write(to: &html)
        return html
    }

    static func body(_ report: VisitReport, drafted: String, text: Localizer, photo: (PhotoRecord) -> String?) -> Component {
        let visit = report.visit
        return H.el("article", [("class", "report")]) {
            H.el("h1") { Text(visit.summary.title) }
            H.text("p", [("class", "record-meta")], "\(visit.summary.startsOn) – \(visit.summary.endsOn)"
                   + (visit.places.isEmpty ? "" : " · " + visit.places.map(\.name).joined(separator: ", ")))
            if !report.delegation.isEmpty {
                H.el("p") {
                    H.text("strong", [], text("visits.delegation") + ": ")
                    Text(report.delegation.joined(separator: ", "))
                }
            }
            if let introduction = report.narrative.introduction { for paragraph in paragraphs(introduction) { Paragraph(paragraph) } }
            if visit.purpose != nil || visit.notes != nil {
                H.el("h2") { Text(text("report.summary")) }
                for paragraph in [visit.purpose, visit.notes].compactMap({ $0 }) { Paragraph(paragraph) }
            }
            H.el("h2") { Text(text("report.engagements")) }
            if report.engagements.isEmpty { Paragraph(text("report.none")) }
            for record in report.engagements { engagement(record, text: text, photo: photo) }
            if !report.agreements.isEmpty || !report.workingGroups.isEmpty {
                H.el("h2") { Text(text("report.agreements")) }
                H.el("ul") {
                    for agreement in report.agreements {
                        H.text("li", [], agreement.title + " — " + text("agreementStatus.\(agreement.status.rawValue)") + (agreement.signedOn.map { ", \($0)" } ?? ""))
                    }
                    for group in report.workingGroups { H.text("li", [], text("report.groupStarted", group.name)) }
                }
            }
            let followUps = report.followUps
            if !followUps.isEmpty {
                H.el("h2") { Text(text("report.followUps")) }
                H.el("ul") {
                    for item in followUps {
                        H.text("li", [], item.text + " (" + [item.owner?.name, item.dueOn.map { text("followUps.due", $0.description) },
                                                             text("followUpStatus.\(item.status.rawValue)")].compactMap { $0 }.joined(separator: ", ") + ")")
                    }
                }
            }
            if let conclusions = report.narrative.conclusions {
                H.el("h2") { Text(text("report.conclusions")) }
                for paragraph in paragraphs(conclusions) { Paragraph(paragraph) }
            }
            if let nextSteps = report.narrative.nextSteps {
                H.el("h2") { Text(text("report.nextSteps")) }
                for paragraph in paragraphs(nextSteps) { Paragraph(paragraph) }
            }
            if !report.context.isEmpty {
                H.el("h2") { Text(text("report.context")) }
                H.el("ul") {
                    for event in report.context {
                        H.text("li", [], ContextPages.dates(event.period) + ": " + event.title + (event.places.isEmpty ? "" : " (" + event.places.map(\.name).joined(separator: ", ") + ")"))
                    }
                }
            }
            H.text("p", [("class", "muted report-footer")], drafted)
        }
    }

    /// A narrative section's paragraphs: the author separates them with an empty line.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func engagement(_ record: EngagementRecord, text: Localizer, photo: (PhotoRecord) -> String?) -> Component {
        let summary = record.summary
        return H.el("section", [("class", "report-engagement")]) {
            H.el("h3") { Text(summary.title) }
            H.text("p", [("class", "record-meta")], [summary.start.replacingOccurrences(of: "T", with: " "), summary.place?.name, summary.venue]
                .compactMap { $0 }.joined(separator: " · "))
            if !record.participants.isEmpty {
                H.el("h4") { Text(text("report.participants")) }
                H.el("ul") {
                    for participant in record.participants {
                        let role = [participant.title, participant.organization].compactMap { $0 }.joined(separator: ", ")
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
                    H.el("figure", [("class", "quote")]) {
                        H.el("blockquote", [("lang", quote.language)]) { Paragraph(quote.text) }
                        H.text("figcaption", [], "— " + (quote.speaker?.name ?? quote.speakerLabel ?? "")
                               + (quote.publication == .publishable ? "" : " (" + text("quotes.verdict.\(quote.publication.rawValue)") + ")"))
                    }
                }
            }
            if !record.photos.isEmpty {
                H.el("div", [("class", "photos")]) {
                    for item in record.photos {
                        H.el("figure", [("class", "photo")]) {
                            if let source = photo(item) {
                                H.void("img", [("src", source), ("alt", text("photos.alt", item.caption ?? summary.title))])
                            }
                            H.text("figcaption", [], [item.caption, item.credit.map { text("photos.credited", $0) }].compactMap { $0 }.joined(separator: " · "))
                        }
                    }
                }
            }
        }
    }
}

/// A stylesheet written into a `<style>` element as it is (our own file, never user input).
struct RawCSS: Component {
    let css: String
    func write(to html: inout String) { html += css.replacingOccurrences(of: "</style", with: "<\\/style") }
}

/// A short page for a report that cannot be made here (no Chromium for a PDF), with the way back.
enum ReportMessagePage {
    static func view(message: String, back: SiteURL, chrome: Chrome) -> String {
        Layout.page(title: chrome.text("report.pdf"), chrome: chrome) {
            H.el("h1") { Text(chrome.text("report.pdf")) }
            H.el("p", [("role", "alert")]) { Text(message) }
            H.el("p") { H.link(chrome.text("report.back"), to: back, [("class", "button secondary")]) }
        }
    }
}

/// The author's sections of a visit report, with the version they started from.
enum VisitReportFormPage {
    struct Model: Sendable {
        var visit: FieldVisitRecord
        var values: VisitReportNarrative
        var errors = Forms.Errors()
        /// Someone else saved first: theirs, shown above the form that keeps what this author wrote.
        var theirs: VisitReportNarrative?
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let title = text("report.edit") + ": " + model.visit.summary.title
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("report.title", model.visit.summary.title), to: .record(.visit, model.visit.id, .report)) }
            H.el("h1") { Text(title) }
            Paragraph(text("report.edit.help"))
            if let theirs = model.theirs {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    for (label, value) in [("report.introduction", theirs.introduction), ("report.conclusions", theirs.conclusions), ("report.nextSteps", theirs.nextSteps)] {
                        if let value { H.text("h3", [], text(label)); Paragraph(value) }
                    }
                }
            }
            Forms.errorSummary(model.errors, text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.record(.visit, model.visit.id, .editReport).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", String(model.theirs?.version ?? model.values.version))
                RegistryViews.textarea(label: text("report.introduction"), name: "introduction", value: model.values.introduction ?? "",
                                       error: model.errors["introduction"], rows: 6)
                RegistryViews.textarea(label: text("report.conclusions"), name: "conclusions", value: model.values.conclusions ?? "",
                                       error: model.errors["conclusions"], rows: 6)
                RegistryViews.textarea(label: text("report.nextSteps"), name: "nextSteps", value: model.values.nextSteps ?? "",
                                       error: model.errors["nextSteps"], rows: 4)
                Forms.submit(text("record.save"))
            }
        }
    }
}

