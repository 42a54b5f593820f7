import Domain
import Features
import Markup

/// Agreements: the list (by status and kind), one agreement with its parties, status over time and the
/// engagements that discussed or signed it, and the form.
enum AgreementPages {
    struct IndexModel: Sendable {
        var page: ListPage<AgreementSummary>
        var status: String
        var kind: String
        var canWrite: Bool

        func query(page: Int) -> String { QueryString.encode([("status", status), ("kind", kind), ("page", String(page))]) }
    }

    static func index(_ model: IndexModel, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("agreements.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("agreements.title")) }
                if model.canWrite { H.link(text("agreements.new"), to: .new(.agreement), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.agreements).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            H.el("form", [("method", "get"), ("action", SiteURL.list(.agreement).path), ("class", "filters"), ("role", "search")]) {
                Forms.select(label: text("agreements.status"), name: "status",
                             options: RegistryViews.options(AgreementStatus.self, prefix: "agreementStatus", text: text, empty: text("list.any")), selected: model.status)
                Forms.select(label: text("agreements.kind"), name: "kind",
                             options: RegistryViews.options(AgreementKind.self, prefix: "agreementKind", text: text, empty: text("list.any")), selected: model.kind)
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty { Paragraph(text("agreements.none")) } else { list(model.page.items, text: text) }
            RegistryViews.pager(model.page, base: SiteURL.list(.agreement).path, query: model.query, text: text)
        }
    }

    static func list(_ items: [AgreementSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "records")]) {
            for item in items {
                H.el("li") {
                    H.el("p", [("class", "record-title")]) {
                        H.link(item.title, to: .record(.agreement, item.id))
                        RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
                    }
                    H.text("p", [("class", "record-meta")], meta(item, text: text))
                }
            }
        }
    }

    /// "Partnership · Signed · signed 2023-08-07".
    static func meta(_ item: AgreementSummary, text: Localizer) -> String {
        [text("agreementKind.\(item.kind.rawValue)"), text("agreementStatus.\(item.status.rawValue)"),
         item.signedOn.map { text("agreements.signedOn") + " " + $0.description },
         item.validUntil.map { text("agreements.validUntil") + " " + $0.description }].compactMap { $0 }.joined(separator: " · ")
    }

    struct Model: Sendable {
        var agreement: AgreementRecord
        var canWrite: Bool
        var canRestore: Bool
        var groups: [WorkingGroupSummary] = []
        var documents: [AgreementDocument] = []
        /// A document upload that came back with mistakes: what was typed and each mistake at its field.
        var documentErrors = Forms.Errors()
        var documentTitle = ""
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let agreement = model.agreement
        let summary = agreement.summary
        return Layout.page(title: summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("agreements.title"), to: .list(.agreement)) }
            H.el("h1") { Text(summary.title) }
            H.el("p", [("class", "record-meta")]) {
                Text(meta(summary, text: text))
                RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            }
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .record(.agreement, agreement.id, .edit), delete: summary.isDeleted ? nil : .record(.agreement, agreement.id, .delete),
                                      restore: summary.isDeleted && model.canRestore ? .record(.agreement, agreement.id, .restore) : nil,
                                      history: .record(.agreement, agreement.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.agreement, agreement.id, .history), [("class", "button secondary")]) }
            }
            facts(agreement, text: text)
            WorkingGroupPages.section(model.groups, title: text("groups.fromAgreement"), text: text)
            if model.canWrite && !summary.isDeleted {
                H.el("p") {
                    H.el("a", [("href", SiteURL.new(.workingGroup).path + "?agreement=" + agreement.id.path), ("class", "button secondary")]) {
                        Text(text("groups.startFromAgreement"))
                    }
                }
            }
            H.el("section", [("aria-labelledby", "status-history")]) {
                H.el("h2", [("id", "status-history")]) { Text(text("agreements.statusHistory")) }
                H.el("ol", [("class", "plain")]) {
                    for step in agreement.statusHistory {
                        H.text("li", [], "\(step.effectiveOn) — \(text("agreementStatus.\(step.status.rawValue)"))")
                    }
                }
            }
            documents(model, chrome: chrome)
            H.el("section", [("aria-labelledby", "agreement-engagements")]) {
                H.el("h2", [("id", "agreement-engagements")]) { Text(text("agreements.engagements")) }
                if agreement.engagements.isEmpty { Paragraph(text("agreements.noEngagements")) } else {
                    H.el("ul", [("class", "records")]) {
                        for item in agreement.engagements {
                            H.el("li") {
                                H.el("p", [("class", "record-title")]) { H.link(item.engagement.name, to: .record(.engagement, item.engagement.id)) }
                                H.text("p", [("class", "record-meta")], "\(item.day) · \(text("agreementLink.\(item.link.rawValue)"))")
                            }
                        }
                    }
                }
            }
        }
    }

    static func documents(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let agreement = model.agreement
        let canWrite = model.canWrite && !agreement.summary.isDeleted
        let errors = model.documentErrors
        return H.el("section", [("aria-labelledby", "documents")]) {
            H.el("h2", [("id", "documents")]) { Text(text("agreements.documents")) }
            if model.documents.isEmpty { Paragraph(text("agreements.noDocuments")) }
            if !model.documents.isEmpty {
                H.el("ul", [("class", "records")]) {
                    for document in model.documents {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) {
                                H.link(document.title, to: .record(.document, document.id))
                                H.text("span", [("class", "muted")], " (PDF, " + text("agreements.documentSize", String(max(1, document.byteCount / 1024))) + ")")
                            }
                            if canWrite { Forms.post(to: .record(.document, document.id, .delete), csrf: chrome.csrfToken, button: text("agreements.removeDocument")) }
                        }
                    }
                }
            }
            if canWrite {
                H.el("form", [("method", "post"), ("action", SiteURL.record(.agreement, agreement.id, .documents).path + "#documents"), ("enctype", "multipart/form-data"),
                              ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.errorSummary(errors, text: text, idPrefix: "doc-")
                    H.el("h3") { Text(text("agreements.addDocument")) }
                    Forms.field(label: text("agreements.documentTitle"), name: "title", value: model.documentTitle, error: errors["title"], required: true, id: "doc-title")
                    H.el("div", [("class", errors["file"] == nil ? "field" : "field has-error")]) {
                        H.el("label", [("for", "doc-file")]) { Text(text("agreements.documentFile")) }
                        H.el("p", [("class", "help"), ("id", "doc-file-help")]) { Text(text("agreements.documentFile.help")) }
                        if let error = errors["file"] { H.el("p", [("class", "error"), ("id", "doc-file-error")]) { Text(error) } }
                        H.void("input", [("type", "file"), ("id", "doc-file"), ("name", "file"), ("accept", "application/pdf"), ("required", ""),
                                         ("aria-describedby", errors["file"] == nil ? "doc-file-help" : "doc-file-help doc-file-error"),
                                         ("aria-invalid", errors["file"] == nil ? nil : "true")])
                    }
                    Forms.submit(text("agreements.addDocument"), "secondary")
                }
            }
        }
    }

    static func facts(_ agreement: AgreementRecord, text: Localizer) -> Component {
        let summary = agreement.summary
        return RegistryViews.facts([
            (text("agreements.kind"), Text(text("agreementKind.\(summary.kind.rawValue)"))),
            (text("agreements.status"), Text(text("agreementStatus.\(summary.status.rawValue)"))),
            (text("agreements.signedOn"), RegistryViews.plain(summary.signedOn?.description)),
            (text("agreements.validUntil"), RegistryViews.plain(summary.validUntil?.description)),
            (text("agreements.focus"), RegistryViews.plain(agreement.focus)),
            (text("engagements.topics"), RegistryViews.plain(agreement.topics.isEmpty ? nil : agreement.topics.joined(separator: ", "))),
            (text("agreements.parties"), agreement.parties.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for party in agreement.parties {
                    H.el("li") {
                        if let org = party.organization { H.link(org.name, to: .record(.organization, org.id)) }
                        if let person = party.person { H.link(person.name, to: .record(.person, person.id)) }
                        Text(" — " + text("partyPart.\(party.part.rawValue)"))
                    }
                }
            }),
            (text("agreements.notes"), RegistryViews.plain(agreement.notes)),
            (text("agreements.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    /// The section on a person's or organisation's page.
    static func partyTo(_ items: [AgreementSummary], text: Localizer) -> Component {
        if items.isEmpty { return H.empty }
        return H.el("section", [("aria-labelledby", "agreements-heading")]) {
            H.el("h2", [("id", "agreements-heading")]) { Text(text("agreements.withThem")) }
            list(items, text: text)
        }
    }

    struct Values: FormVersion {
        var kind = AgreementKind.partnership.rawValue, title = "", focus = "", topics = "", signedOn = "", validUntil = ""
        var status = AgreementStatus.draft.rawValue, statusOn = "", confidentiality = Confidentiality.internal.rawValue, notes = ""
        var organizations = "", people = "", version = ""

        init() {}

        init(_ agreement: AgreementRecord, text: Localizer) {
            let summary = agreement.summary
            kind = summary.kind.rawValue
            title = summary.title
            focus = agreement.focus ?? ""
            topics = agreement.topics.joined(separator: ", ")
            signedOn = summary.signedOn?.description ?? ""
            validUntil = summary.validUntil?.description ?? ""
            status = summary.status.rawValue
            confidentiality = summary.confidentiality.rawValue
            notes = agreement.notes ?? ""
            organizations = agreement.parties.compactMap { party in party.organization.map { "\($0.name), \(party.part.rawValue)" } }.joined(separator: "\n")
            people = agreement.parties.compactMap { party in party.person.map { "\($0.name), \(party.part.rawValue)" } }.joined(separator: "\n")
            version = String(agreement.version)
        }
    }

    struct FormModel: Sendable {
        var existing: AgreementRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: AgreementRecord?
        var canWriteRestricted: Bool
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("agreements.edit") + ": " + $0.summary.title } ?? text("agreements.new")
        let confidentiality = Confidentiality.allCases.filter { $0 != .restricted || model.canWriteRestricted || values.confidentiality == $0.rawValue }
        return Layout.page(title: title, chrome: chrome) {
            H.el("h1") { Text(title) }
            if let theirs = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    H.text("h2", [], text("record.theirs"))
                    facts(theirs, text: text)
                }
            }
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.agreement, $0.id) } ?? .list(.agreement)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"], required: true)
                Forms.select(label: text("agreements.kind"), name: "kind",
                             options: RegistryViews.options(AgreementKind.self, prefix: "agreementKind", text: text), selected: values.kind, error: errors["kind"])
                Forms.select(label: text("agreements.status"), name: "status",
                             options: RegistryViews.options(AgreementStatus.self, prefix: "agreementStatus", text: text), selected: values.status, error: errors["status"])
                Forms.field(label: text("agreements.statusOn"), name: "statusOn", type: "date", value: values.statusOn, error: errors["statusOn"],
                            help: text("agreements.statusOn.help"))
                Forms.field(label: text("agreements.signedOn"), name: "signedOn", type: "date", value: values.signedOn, error: errors["signedOn"])
                Forms.field(label: text("agreements.validUntil"), name: "validUntil", type: "date", value: values.validUntil, error: errors["validUntil"])
                Forms.field(label: text("agreements.focus"), name: "focus", value: values.focus, error: errors["focus"])
                Forms.field(label: text("agreements.topics"), name: "topics", value: values.topics, error: errors["topics"])
                RegistryViews.textarea(label: text("agreements.organizations"), name: "organizations", value: values.organizations,
                                       error: errors["organizations"], help: text("agreements.organizations.help"), rows: 3)
                RegistryViews.textarea(label: text("agreements.people"), name: "people", value: values.people,
                                       error: errors["people"], help: text("agreements.people.help"), rows: 3)
                RegistryViews.textarea(label: text("agreements.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 4)
                Forms.select(label: text("agreements.confidentiality"), name: "confidentiality",
                             options: confidentiality.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) }, selected: values.confidentiality,
                             error: errors["confidentiality"])
                Forms.submit(text("record.save"))
            }
        }
    }
}
