import Domain
import Features
import Foundation
import Markup

extension RetentionReviewPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("retention.title"), chrome: chrome) {
            if let months = model.months, let cutoff = model.cutoff {
                H.el("h1") { Text(text("retention.heading", model.people.total)) }
                Paragraph(text("retention.intro", months, text.day(Day(utc: cutoff))))
                settingsLink(model, text: text)
                if let failed = model.failed { Forms.errorSummary(failed.errors, text: text, idPrefix: prefix(failed.id)) }
                if model.people.items.isEmpty {
                    Paragraph(text("retention.none", months))
                } else {
                    H.el("ul", [("class", "records retention-review")]) {
                        for entry in model.people.items { item(entry, months: months, model: model, chrome: chrome) }
                    }
                    Pager.view(model.people, base: .retentionReview, query: { "page=\($0)" }, text: text)
                }
            } else {
                H.el("h1") { Text(text("retention.title")) }
                Paragraph(text("retention.off"))
                settingsLink(model, text: text)
            }
        }
    }

    static func settingsLink(_ model: Model, text: Localizer) -> Component {
        guard model.canChangeSetting else { return H.empty }
        return H.el("p") { H.link(text("retention.changeSetting"), to: .settings) }
    }

    /// The ids of one person's form fields: several forms share the page.
    static func prefix(_ id: UUID) -> String { "f-\(id.path)-" }

    static func item(_ entry: RetentionReview.Entry, months: Int, model: Model, chrome: Chrome) -> Component {
        let text = chrome.text, id = entry.person.id
        let failed = model.failed?.id == id ? model.failed : nil
        return H.el("li") {
            H.el("h2", [("class", "record-title")]) {
                H.link(entry.person.name, to: .record(.person, id))
                Badges.of(restricted: entry.restricted, deleted: false, text: text)
            }
            Facts.runIn([
                (text("retention.lastEngagement"), Text(entry.lastEngagement.map(text.day) ?? text("retention.noEngagement"))),
                (text("subjectAccess.recordedSince"), Text(text.day(Day(utc: entry.createdAt)))),
                (text("people.basis"), Text(text("basis.\(entry.lawfulBasis.rawValue)"))),
            ], text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.record(.person, id, .retentionDecision).path),
                          ("class", "record-form retention-keep"), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("page", String(model.people.page))
                Forms.field(label: text("retention.reason"), name: "reason", value: failed?.reason ?? "",
                            error: failed?.errors["reason"], help: text("retention.reason.help", months), required: true,
                            autocomplete: "off", id: prefix(id) + "reason")
                H.el("div", [("class", "actions")]) {
                    Forms.submit(text("retention.keep"), "secondary")
                    H.el("a", [("href", SiteURL.record(.person, id, .erase).path + "?from=review"), ("class", "button danger-link")]) {
                        Text(text("retention.erase"))
                    }
                }
            }
        }
    }
}
