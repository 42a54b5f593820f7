import Domain
import Features
import Foundation
import Markup

/// One engagement: when and where, who took part (with the title each held that day), head-counts, what
/// came of it, follow-ups.
enum EngagementPage {
    struct Model: Sendable {
        var record: EngagementRecord
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var users: [RecordRef]
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let record = model.record
        let summary = record.summary
        return Layout.page(title: summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let visit = summary.visit { H.link(visit.name, to: .visit(visit.id)) } else { H.link(text("engagements.title"), to: .engagements) }
            }
            H.el("h1") { Text(summary.title) }
            H.el("p", [("class", "record-meta")]) {
                Text(EngagementViews.when(summary, text: text))
                RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            }
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .editEngagement(record.id), delete: summary.isDeleted ? nil : .deleteEngagement(record.id),
                                      restore: summary.isDeleted && model.canRestore ? .restoreEngagement(record.id) : nil,
                                      history: .engagementHistory(record.id), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .engagementHistory(record.id), [("class", "button secondary")]) }
            }
            facts(record, text: text)
            H.el("section", [("aria-labelledby", "participants")]) {
                H.el("h2", [("id", "participants")]) { Text(text("engagements.participants")) }
                if record.aggregateOnly { Paragraph(text("engagements.namesNobody")) }
                if record.participants.isEmpty && !record.aggregateOnly { Paragraph(text("record.none")) }
                if !record.participants.isEmpty {
                    H.el("ul", [("class", "records")]) {
                        for participant in record.participants {
                            H.el("li") {
                                H.el("p", [("class", "record-title")]) {
                                    H.link(participant.person.name, to: .person(participant.person.id))
                                    Text(" — " + text("part.\(participant.part.rawValue)"))
                                }
                                if let title = participant.title {
                                    H.text("p", [("class", "record-meta")],
                                           [title, participant.organization].compactMap { $0 }.joined(separator: " · ")
                                           + (participant.titleRecorded ? " " + text("engagements.recordedTitle") : ""))
                                }
                            }
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
            photos(model, chrome: chrome)
            quotes(model, chrome: chrome)
            followUps(model, chrome: chrome)
        }
    }

    static func photos(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        let canWrite = model.canWrite && !record.summary.isDeleted
        return H.el("section", [("aria-labelledby", "photos")]) {
            H.el("h2", [("id", "photos")]) { Text(text("photos.title")) }
            if record.photos.isEmpty { Paragraph(text("photos.none")) }
            if !record.photos.isEmpty {
                H.el("div", [("class", "photos")]) {
                    for photo in record.photos {
                        H.el("figure", [("class", "photo")]) {
                            H.el("a", [("href", SiteURL.photo(photo.id).path)]) {
                                H.void("img", [("src", SiteURL.smallPhoto(photo.id).path), ("loading", "lazy"),
                                               ("alt", text("photos.alt", photo.caption ?? record.summary.title))])
                            }
                            H.el("figcaption") {
                                if let caption = photo.caption { Text(caption) }
                                if let credit = photo.credit { H.text("span", [("class", "muted")], " " + text("photos.credited", credit)) }
                                if !photo.peopleShown.isEmpty {
                                    H.el("span", [("class", "record-meta")]) {
                                        Text(" · ")
                                        for (index, person) in photo.peopleShown.enumerated() {
                                            if index > 0 { Text(", ") }
                                            H.link(person.name, to: .person(person.id))
                                        }
                                    }
                                }
                            }
                            if canWrite { Forms.post(to: .deletePhoto(photo.id), csrf: chrome.csrfToken, button: text("photos.remove")) }
                        }
                    }
                }
            }
            if canWrite {
                H.el("form", [("method", "post"), ("action", SiteURL.engagementPhotos(record.id).path), ("enctype", "multipart/form-data"),
                              ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    H.el("h3") { Text(text("photos.add")) }
                    H.el("div", [("class", "field")]) {
                        H.el("label", [("for", "f-file")]) { Text(text("photos.file")) }
                        H.el("p", [("class", "help"), ("id", "f-file-help")]) { Text(text("photos.file.help")) }
                        H.void("input", [("type", "file"), ("id", "f-file"), ("name", "file"), ("accept", "image/jpeg,image/png,image/webp"),
                                         ("required", ""), ("aria-describedby", "f-file-help")])
                    }
                    Forms.field(label: text("photos.caption"), name: "caption")
                    Forms.field(label: text("photos.credit"), name: "credit")
                    RegistryViews.textarea(label: text("photos.peopleShown"), name: "peopleShown", value: "", help: text("photos.peopleShown.help"), rows: 2)
                    Forms.submit(text("photos.add"), "secondary")
                }
            }
        }
    }

    static func quotes(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        let canWrite = model.canWrite && !record.summary.isDeleted
        return H.el("section", [("aria-labelledby", "quotes")]) {
            H.el("h2", [("id", "quotes")]) { Text(text("quotes.title")) }
            if record.quotes.isEmpty { Paragraph(text("quotes.none")) }
            for quote in record.quotes {
                H.el("figure", [("class", "quote")]) {
                    H.el("blockquote", [("lang", quote.language)]) { Paragraph(quote.text) }
                    H.el("figcaption") {
                        if let speaker = quote.speaker { H.link(speaker.name, to: .person(speaker.id)) } else { Text(quote.speakerLabel ?? "") }
                        Text(" · ")
                        H.text("span", [("class", quote.publication == .publishable ? "muted" : "badge badge-overdue")],
                               quote.publication == .publishable ? text("quotes.publishable") : text("quotes.verdict.\(quote.publication.rawValue)"))
                    }
                    if canWrite { Forms.post(to: .deleteQuote(quote.id), csrf: chrome.csrfToken, button: text("quotes.remove")) }
                }
            }
            if canWrite {
                H.el("form", [("method", "post"), ("action", SiteURL.engagementQuotes(record.id).path), ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    H.el("h3") { Text(text("quotes.add")) }
                    RegistryViews.textarea(label: text("quotes.text"), name: "text", value: "", rows: 3)
                    Forms.field(label: text("quotes.speaker"), name: "speaker")
                    Forms.field(label: text("quotes.speakerLabel"), name: "speakerLabel", help: text("quotes.speakerLabel.help"))
                    Forms.field(label: text("quotes.language"), name: "language", value: "en")
                    Forms.checkbox(label: text("quotes.withheld"), name: "withheld", checked: false)
                    Forms.submit(text("quotes.add"), "secondary")
                }
            }
        }
    }

    /// The engagement's facts; also shown beside a form when someone else saved first.
    static func facts(_ record: EngagementRecord, text: Localizer) -> Component {
        let summary = record.summary
        let rows: [(String, Component?)] = [
            (text("engagements.start"), Text(summary.start.replacingOccurrences(of: "T", with: " ") + " (\(summary.timeZone))")),
            (text("engagements.duration"), RegistryViews.plain(record.durationMinutes.map(String.init))),
            (text("engagements.place"), RegistryViews.link(summary.place, SiteURL.place)),
            (text("engagements.venue"), RegistryViews.plain(summary.venue)),
            (text("engagements.visit"), RegistryViews.link(summary.visit, SiteURL.visit)),
            (text("engagements.hosts"), refs(record.hosts)),
            (text("engagements.partners"), refs(record.partners)),
            (text("engagements.topics"), RegistryViews.plain(summary.topics.joined(separator: ", "))),
            (text("engagements.summary"), RegistryViews.plain(record.notes)),
            (text("engagements.outcomes"), RegistryViews.plain(record.outcomes)),
            (text("engagements.decisions"), RegistryViews.plain(record.decisions)),
        ]
        // What was not recorded is left out: a field officer's quick log has few of these.
        return RegistryViews.facts(rows.filter { $0.1 != nil } + [
            (text("engagements.kind"), Text(EngagementViews.kindName(summary, text: text))),
            (text("engagements.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    static func refs(_ refs: [RecordRef]) -> Component? {
        guard !refs.isEmpty else { return nil }
        return H.el("ul", [("class", "plain")]) { for ref in refs { H.el("li") { H.link(ref.name, to: .organization(ref.id)) } } }
    }

    static func followUps(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        return H.el("section", [("aria-labelledby", "follow-ups")]) {
            H.el("h2", [("id", "follow-ups")]) { Text(text("engagements.followUps")) }
            if record.followUps.isEmpty { Paragraph(text("engagements.noFollowUps")) }
            if !record.followUps.isEmpty {
                EngagementViews.followUpList(record.followUps, today: model.today, showEngagement: false, canWrite: model.canWrite && !record.summary.isDeleted, chrome: chrome)
            }
            if model.canWrite && !record.summary.isDeleted {
                H.el("form", [("method", "post"), ("action", SiteURL.engagementFollowUps(record.id).path), ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    H.el("h3") { Text(text("engagements.addFollowUp")) }
                    Forms.field(label: text("engagements.followUp"), name: "text", value: "", required: true)
                    Forms.select(label: text("engagements.followUpOwner"), name: "ownerID",
                                 options: RegistryViews.refOptions(model.users, empty: text("engagements.noChoice")), selected: nil)
                    Forms.field(label: text("engagements.followUpDue"), name: "dueOn", type: "date", value: "")
                    Forms.submit(text("engagements.addFollowUp"), "secondary")
                }
            }
        }
    }
}

/// Pieces shared by engagement, visit, timeline and follow-up pages.
enum EngagementViews {
    /// "Meeting · 2023-08-08 10:00 (Europe/Belgrade)".
    static func when(_ summary: EngagementSummary, text: Localizer) -> String {
        let start = summary.start.replacingOccurrences(of: "T", with: " ")
        return "\(kindName(summary, text: text)) · \(start) (\(summary.timeZone))"
    }

    /// A built-in kind from the catalogue; an added one by its own label.
    static func kindName(_ summary: EngagementSummary, text: Localizer) -> String {
        summary.kindLabel ?? text("engagementKind.\(summary.kind)")
    }

    static func kindOptions(_ kinds: [KindChoice], text: Localizer, empty: String? = nil) -> [(value: String, label: String)] {
        (empty.map { [("", $0)] } ?? []) + kinds.map { ($0.key, $0.label ?? text("engagementKind.\($0.key)")) }
    }

    static func list(_ items: [EngagementSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "records")]) {
            for item in items {
                H.el("li") {
                    H.el("p", [("class", "record-title")]) {
                        H.link(item.title, to: .engagement(item.id))
                        RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
                    }
                    H.text("p", [("class", "record-meta")], ([when(item, text: text)] + [item.place?.name, item.venue].compactMap { $0 }).joined(separator: " · "))
                    if let visit = item.visit { H.el("p", [("class", "record-meta muted")]) { H.link(visit.name, to: .visit(visit.id)) } }
                }
            }
        }
    }

    /// The section on a person's or organisation's page: every engagement with them, last contact, open follow-ups.
    static func relationship(_ history: RelationshipHistory, today: Day, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("section", [("aria-labelledby", "engagements-heading")]) {
            H.el("h2", [("id", "engagements-heading")]) { Text(text("engagements.withThem")) }
            if let last = history.lastContact { H.text("p", [("class", "record-meta")], text("engagements.lastContact", last.description)) }
            if !history.openFollowUps.isEmpty {
                H.el("h3") { Text(text("engagements.openFollowUps")) }
                followUpList(history.openFollowUps, today: today, showEngagement: true, canWrite: false, chrome: chrome)
            }
            if history.engagements.isEmpty { Paragraph(text("engagements.noneWithThem")) } else { list(history.engagements, text: text) }
        }
    }

    static func followUpList(_ items: [FollowUpRecord], today: Day, showEngagement: Bool, canWrite: Bool, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("ul", [("class", "records")]) {
            for item in items {
                let overdue = item.isOverdue(today: today)
                H.el("li", [("class", overdue ? "overdue" : nil)]) {
                    H.el("p", [("class", "record-title")]) {
                        Text(item.text)
                        if overdue { H.text("span", [("class", "badge badge-overdue")], text("followUps.overdue")) }
                    }
                    H.text("p", [("class", "record-meta")], [
                        item.dueOn.map { text("followUps.due", $0.description) } ?? text("followUps.noDue"),
                        item.owner?.name, text("followUpStatus.\(item.status.rawValue)"),
                    ].compactMap { $0 }.joined(separator: " · "))
                    if showEngagement { H.el("p", [("class", "record-meta muted")]) { H.link(item.engagement.name, to: .engagement(item.engagement.id)) } }
                    if canWrite {
                        H.el("div", [("class", "actions")]) {
                            for (status, label) in statusChoices(item.status) {
                                H.el("form", [("method", "post"), ("action", SiteURL.followUpStatus(item.id).path), ("class", "inline")]) {
                                    Forms.csrf(chrome.csrfToken)
                                    Forms.hidden("status", status.rawValue)
                                    Forms.hidden("version", String(item.version))
                                    Forms.submit(text(label), "secondary")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func statusChoices(_ status: FollowUpStatus) -> [(FollowUpStatus, String)] {
        switch status {
        case .open: [(.done, "followUps.markDone"), (.dropped, "followUps.drop")]
        case .done, .dropped: [(.open, "followUps.reopen")]
        }
    }
}
