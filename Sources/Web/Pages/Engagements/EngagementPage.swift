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
        /// A photo, quote or follow-up that was sent with mistakes: its form shows again as typed.
        var attempt: Attempt? = nil
        /// Agreements discussed or signed here, and those that could be linked.
        var agreements: [LinkedAgreement] = []
        var agreementChoices: [RecordRef] = []
        /// Working groups this was a meeting of, and those it could be linked to.
        var groups: [RecordRef] = []
        var groupChoices: [RecordRef] = []
        /// Recommendations this engagement is evidence for, and those it could be.
        var recommendations: [RecordRef] = []
        var recommendationChoices: [RecordRef] = []
    }

    struct LinkedAgreement: Sendable {
        var agreement: RecordRef
        var link: AgreementEngagementLink
    }

    /// What was typed into one of the page's smaller forms, with each mistake at its field.
    struct Attempt: Sendable {
        enum Form: String, Sendable {
            case photo = "ph-", quote = "q-", followUp = "fu-", agreement = "ag-", workingGroup = "wg-", recommendation = "rc-"
        }
        var form: Form
        var values: [String: String]
        var errors: Forms.Errors
    }

    /// The form's fields: what was typed when it comes back with mistakes, else empty (or a default).
    struct SubForm {
        let form: Attempt.Form
        let attempt: Attempt?

        init(_ form: Attempt.Form, _ model: Model) {
            self.form = form
            attempt = model.attempt?.form == form ? model.attempt : nil
        }

        func id(_ name: String) -> String { form.rawValue + name }
        func value(_ name: String, default fallback: String = "") -> String { attempt?.values[name] ?? fallback }
        func error(_ name: String) -> String? { attempt?.errors[name] }
        var errors: Forms.Errors { attempt?.errors ?? Forms.Errors() }

        /// The form posts to `url` and lands on its own section, so a phone shows the mistakes, not the page top.
        func element(_ url: SiteURL, section: String, multipart: Bool = false, text: Localizer, csrf: String,
                     @ComponentBuilder content: () -> Component) -> Component {
            H.el("form", [("method", "post"), ("action", url.path + "#" + section), ("class", "record-form"),
                          ("enctype", multipart ? "multipart/form-data" : nil)]) {
                Forms.csrf(csrf)
                Forms.errorSummary(errors, text: text, idPrefix: form.rawValue)
                content()
            }
        }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let record = model.record
        let summary = record.summary
        return Layout.page(title: summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let visit = summary.visit { H.link(visit.name, to: .record(.visit, visit.id)) } else { H.link(text("engagements.title"), to: .list(.engagement)) }
            }
            H.el("h1") { Text(summary.title) }
            H.el("p", [("class", "record-meta")]) {
                Text(EngagementViews.when(summary, text: text))
                RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            }
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .record(.engagement, record.id, .edit), delete: summary.isDeleted ? nil : .record(.engagement, record.id, .delete),
                                      restore: summary.isDeleted && model.canRestore ? .record(.engagement, record.id, .restore) : nil,
                                      history: .record(.engagement, record.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.engagement, record.id, .history), [("class", "button secondary")]) }
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
            agreements(model, chrome: chrome)
            workingGroups(model, chrome: chrome)
            recommendations(model, chrome: chrome)
        }
    }

    static func recommendations(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        let canWrite = model.canWrite && !record.summary.isDeleted
        let choices = model.recommendationChoices.filter { choice in !model.recommendations.contains { $0.id == choice.id } }
        if model.recommendations.isEmpty && !(canWrite && !choices.isEmpty) { return H.empty }
        return H.el("section", [("aria-labelledby", "recommendations")]) {
            H.el("h2", [("id", "recommendations")]) { Text(text("recommendations.restingHere")) }
            if !model.recommendations.isEmpty {
                H.el("ul", [("class", "plain")]) { for item in model.recommendations { H.el("li") { H.link(item.name, to: .record(.recommendation, item.id)) } } }
            }
            if canWrite && !choices.isEmpty {
                let form = SubForm(.recommendation, model)
                form.element(.record(.engagement, record.id, .recommendations), section: "recommendations", text: text, csrf: chrome.csrfToken) {
                    Forms.select(label: text("recommendations.evidenceAdd"), name: "recommendationID",
                                 options: RegistryViews.refOptions(choices, empty: text("engagements.noChoice")),
                                 selected: form.value("recommendationID"), error: form.error("recommendationID"), id: form.id("recommendationID"))
                    Forms.submit(text("agreements.link"), "secondary")
                }
            }
        }
    }

    static func workingGroups(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        let canWrite = model.canWrite && !record.summary.isDeleted
        let choices = model.groupChoices.filter { choice in !model.groups.contains { $0.id == choice.id } }
        if model.groups.isEmpty && !(canWrite && !choices.isEmpty) { return H.empty }
        return H.el("section", [("aria-labelledby", "working-groups")]) {
            H.el("h2", [("id", "working-groups")]) { Text(text("groups.meetingOf")) }
            if !model.groups.isEmpty {
                H.el("ul", [("class", "plain")]) { for group in model.groups { H.el("li") { H.link(group.name, to: .record(.workingGroup, group.id)) } } }
            }
            if canWrite && !choices.isEmpty {
                let form = SubForm(.workingGroup, model)
                form.element(.record(.engagement, record.id, .workingGroups), section: "working-groups", text: text, csrf: chrome.csrfToken) {
                    Forms.select(label: text("groups.meetingAdd"), name: "groupID",
                                 options: RegistryViews.refOptions(choices, empty: text("engagements.noChoice")),
                                 selected: form.value("groupID"), error: form.error("groupID"), id: form.id("groupID"))
                    Forms.submit(text("agreements.link"), "secondary")
                }
            }
        }
    }

    static func agreements(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        let canWrite = model.canWrite && !record.summary.isDeleted
        if model.agreements.isEmpty && !(canWrite && !model.agreementChoices.isEmpty) { return H.empty }
        return H.el("section", [("aria-labelledby", "agreements")]) {
            H.el("h2", [("id", "agreements")]) { Text(text("agreements.linkHere")) }
            if !model.agreements.isEmpty {
                H.el("ul", [("class", "records")]) {
                    for linked in model.agreements {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) {
                                H.link(linked.agreement.name, to: .record(.agreement, linked.agreement.id))
                                Text(" — " + text("agreementLink.\(linked.link.rawValue)"))
                            }
                            if canWrite {
                                H.el("form", [("method", "post"), ("action", SiteURL.record(.engagement, record.id, .unlinkAgreement).path), ("class", "inline")]) {
                                    Forms.csrf(chrome.csrfToken)
                                    Forms.hidden("agreementID", linked.agreement.id.path)
                                    Forms.submit(text("agreements.unlink"), "secondary")
                                }
                            }
                        }
                    }
                }
            }
            if canWrite && !model.agreementChoices.isEmpty {
                let form = SubForm(.agreement, model)
                form.element(.record(.engagement, record.id, .agreements), section: "agreements", text: text, csrf: chrome.csrfToken) {
                    H.el("h3") { Text(text("agreements.linkAdd")) }
                    Forms.select(label: text("agreements.title"), name: "agreementID",
                                 options: RegistryViews.refOptions(model.agreementChoices, empty: text("engagements.noChoice")),
                                 selected: form.value("agreementID"), error: form.error("agreementID"), id: form.id("agreementID"))
                    Forms.select(label: text("agreements.link"), name: "link",
                                 options: AgreementEngagementLink.allCases.map { ($0.rawValue, text("agreementLink.\($0.rawValue)")) },
                                 selected: form.value("link", default: AgreementEngagementLink.discussed.rawValue), id: form.id("link"))
                    Forms.submit(text("agreements.linkAdd"), "secondary")
                }
            }
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
                            H.el("a", [("href", SiteURL.record(.photo, photo.id).path)]) {
                                H.void("img", [("src", SiteURL.record(.photo, photo.id, .small).path), ("loading", "lazy"),
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
                                            H.link(person.name, to: .record(.person, person.id))
                                        }
                                    }
                                }
                            }
                            if canWrite { Forms.post(to: .record(.photo, photo.id, .delete), csrf: chrome.csrfToken, button: text("photos.remove")) }
                        }
                    }
                }
            }
            if canWrite {
                let form = SubForm(.photo, model)
                form.element(.record(.engagement, record.id, .photos), section: "photos", multipart: true, text: text, csrf: chrome.csrfToken) {
                    H.el("h3") { Text(text("photos.add")) }
                    fileField(form, text: text)
                    Forms.field(label: text("photos.caption"), name: "caption", value: form.value("caption"), error: form.error("caption"), id: form.id("caption"))
                    Forms.field(label: text("photos.credit"), name: "credit", value: form.value("credit"), error: form.error("credit"), id: form.id("credit"))
                    RegistryViews.textarea(label: text("photos.peopleShown"), name: "peopleShown", value: form.value("peopleShown"),
                                           error: form.error("peopleShown"), help: text("photos.peopleShown.help"), rows: 2, id: form.id("peopleShown"))
                    Forms.submit(text("photos.add"), "secondary")
                }
            }
        }
    }

    /// A browser never fills a file field again, so after a mistake the field says to choose the file again.
    static func fileField(_ form: SubForm, text: Localizer) -> Component {
        let id = form.id("file"), error = form.error("file")
        let described = ["\(id)-help", error.map { _ in "\(id)-error" }].compactMap { $0 }.joined(separator: " ")
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(text("photos.file")) }
            H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(text("photos.file.help")) }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            H.void("input", [("type", "file"), ("id", id), ("name", "file"), ("accept", "image/jpeg,image/png,image/webp"),
                             ("required", ""), ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true")])
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
                        if let speaker = quote.speaker { H.link(speaker.name, to: .record(.person, speaker.id)) } else { Text(quote.speakerLabel ?? "") }
                        Text(" · ")
                        H.text("span", [("class", quote.publication == .publishable ? "muted" : "badge badge-overdue")],
                               quote.publication == .publishable ? text("quotes.publishable") : text("quotes.verdict.\(quote.publication.rawValue)"))
                    }
                    if canWrite { Forms.post(to: .record(.quote, quote.id, .delete), csrf: chrome.csrfToken, button: text("quotes.remove")) }
                }
            }
            if canWrite {
                let form = SubForm(.quote, model)
                form.element(.record(.engagement, record.id, .quotes), section: "quotes", text: text, csrf: chrome.csrfToken) {
                    H.el("h3") { Text(text("quotes.add")) }
                    RegistryViews.textarea(label: text("quotes.text"), name: "text", value: form.value("text"), error: form.error("text"), rows: 3, id: form.id("text"))
                    Forms.field(label: text("quotes.speaker"), name: "speaker", value: form.value("speaker"), error: form.error("speaker"), id: form.id("speaker"))
                    Forms.field(label: text("quotes.speakerLabel"), name: "speakerLabel", value: form.value("speakerLabel"), error: form.error("speakerLabel"),
                                help: text("quotes.speakerLabel.help"), id: form.id("speakerLabel"))
                    Forms.field(label: text("quotes.language"), name: "language", value: form.value("language", default: "en"), error: form.error("language"),
                                id: form.id("language"))
                    Forms.checkbox(label: text("quotes.withheld"), name: "withheld", checked: form.value("withheld") == "1", id: form.id("withheld"))
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
            (text("engagements.place"), RegistryViews.link(summary.place, { SiteURL.record(.place, $0) })),
            (text("engagements.venue"), RegistryViews.plain(summary.venue)),
            (text("engagements.visit"), RegistryViews.link(summary.visit, { SiteURL.record(.visit, $0) })),
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
        return H.el("ul", [("class", "plain")]) { for ref in refs { H.el("li") { H.link(ref.name, to: .record(.organization, ref.id)) } } }
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
                let form = SubForm(.followUp, model)
                form.element(.record(.engagement, record.id, .followUps), section: "follow-ups", text: text, csrf: chrome.csrfToken) {
                    H.el("h3") { Text(text("engagements.addFollowUp")) }
                    Forms.field(label: text("engagements.followUp"), name: "text", value: form.value("text"), error: form.error("text"), required: true,
                                id: form.id("text"))
                    Forms.select(label: text("engagements.followUpOwner"), name: "ownerID",
                                 options: RegistryViews.refOptions(model.users, empty: text("engagements.noChoice")), selected: form.value("ownerID"),
                                 error: form.error("ownerID"), id: form.id("ownerID"))
                    Forms.field(label: text("engagements.followUpDue"), name: "dueOn", type: "date", value: form.value("dueOn"), error: form.error("dueOn"),
                                id: form.id("dueOn"))
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
            for item in items { H.el("li") { entry(item, text: text) } }
        }
    }

    static func entry(_ item: EngagementSummary, text: Localizer) -> Component {
        H.group {
            H.el("p", [("class", "record-title")]) {
                H.link(item.title, to: .record(.engagement, item.id))
                RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
            }
            H.text("p", [("class", "record-meta")], ([when(item, text: text)] + [item.place?.name, item.venue].compactMap { $0 }).joined(separator: " · "))
            if let visit = item.visit { H.el("p", [("class", "record-meta muted")]) { H.link(visit.name, to: .record(.visit, visit.id)) } }
        }
    }

    /// Engagements with the context events of their period between them, marked as context. Each is placed by
    /// its first day; on the same day, context comes first (it is what the meeting happened in).
    static func timeline(_ items: [EngagementSummary], context: [ContextEventSummary], newestFirst: Bool, text: Localizer) -> Component {
        guard !context.isEmpty else { return list(items, text: text) }
        enum Entry { case engagement(EngagementSummary), context(ContextEventSummary) }
        let entries: [(key: String, entry: Entry)] = items.map { (String($0.start.prefix(10)) + "T1", .engagement($0)) }
            + context.map { ($0.period.startsOn.description + "T0", .context($0)) }
        let ordered = entries.enumerated().sorted { a, b in
            if a.element.key != b.element.key { return newestFirst ? a.element.key > b.element.key : a.element.key < b.element.key }
            return a.offset < b.offset
        }
        return H.el("ul", [("class", "records")]) {
            for (_, item) in ordered {
                switch item.entry {
                case .engagement(let engagement): H.el("li") { entry(engagement, text: text) }
                case .context(let event): H.el("li", [("class", "context-event")]) { ContextPages.entry(event, text: text) }
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
                    if showEngagement { H.el("p", [("class", "record-meta muted")]) { H.link(item.engagement.name, to: .record(.engagement, item.engagement.id)) } }
                    if canWrite {
                        H.el("div", [("class", "actions")]) {
                            for (status, label) in statusChoices(item.status) {
                                H.el("form", [("method", "post"), ("action", SiteURL.record(.followUp, item.id, .status).path), ("class", "inline")]) {
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
