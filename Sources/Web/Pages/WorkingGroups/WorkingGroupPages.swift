import Domain
import Features
import Markup

/// Working groups: the list, one group (members now and before, meetings, deliverables), and the form.
enum WorkingGroupPages {
    static func index(_ page: ListPage<WorkingGroupSummary>, canWrite: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("groups.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("groups.title")) }
                if canWrite { H.link(text("groups.new"), to: .new(.workingGroup), [("class", "button primary")]) }
            }
            if page.items.isEmpty { Paragraph(text("groups.none")) } else { list(page.items, text: text) }
            RegistryViews.pager(page, base: SiteURL.list(.workingGroup).path, query: { "page=\($0)" }, text: text)
        }
    }

    static func list(_ items: [WorkingGroupSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "records")]) {
            for item in items {
                H.el("li") {
                    H.el("p", [("class", "record-title")]) {
                        H.link(item.name, to: .record(.workingGroup, item.id))
                        RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
                    }
                    if let agreement = item.agreement { H.el("p", [("class", "record-meta muted")]) { H.link(agreement.name, to: .record(.agreement, agreement.id)) } }
                }
            }
        }
    }

    /// The section on a person's page (their groups) or an agreement's page (the groups it started).
    static func section(_ items: [WorkingGroupSummary], title: String, text: Localizer) -> Component {
        if items.isEmpty { return H.empty }
        return H.el("section", [("aria-labelledby", "groups-heading")]) {
            H.el("h2", [("id", "groups-heading")]) { Text(title) }
            list(items, text: text)
        }
    }

    struct Model: Sendable {
        var group: WorkingGroupRecord
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var deliverableErrors = Forms.Errors()
        var deliverableValues: [String: String] = [:]
        var recommendations: [RecommendationSummary] = []
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let group = model.group
        let summary = group.summary
        let canWrite = model.canWrite && !summary.isDeleted
        let current = group.members.filter { $0.isCurrent(on: model.today) }, former = group.members.filter { !$0.isCurrent(on: model.today) }
        return Layout.page(title: summary.name, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("groups.title"), to: .list(.workingGroup)) }
            H.el("h1") { Text(summary.name) }
            RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .record(.workingGroup, group.id, .edit), delete: summary.isDeleted ? nil : .record(.workingGroup, group.id, .delete),
                                      restore: summary.isDeleted && model.canRestore ? .record(.workingGroup, group.id, .restore) : nil,
                                      history: .record(.workingGroup, group.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.workingGroup, group.id, .history), [("class", "button secondary")]) }
            }
            facts(group, text: text)
            H.el("section", [("aria-labelledby", "members")]) {
                H.el("h2", [("id", "members")]) { Text(text("groups.membersTitle")) }
                if current.isEmpty { Paragraph(text("record.none")) } else { members(current, text: text) }
                if !former.isEmpty {
                    H.el("h3") { Text(text("groups.formerMembers")) }
                    members(former, text: text)
                }
            }
            H.el("section", [("aria-labelledby", "meetings")]) {
                H.el("h2", [("id", "meetings")]) { Text(text("groups.meetings")) }
                if group.meetings.isEmpty { Paragraph(text("groups.noMeetings")) } else { EngagementViews.list(group.meetings, text: text) }
            }
            deliverables(model, canWrite: canWrite, chrome: chrome)
            RecommendationPages.section(model.recommendations, title: text("recommendations.fromGroup"), text: text)
        }
    }

    static func members(_ items: [WorkingGroupMember], text: Localizer) -> Component {
        H.el("ul", [("class", "plain")]) {
            for member in items {
                H.el("li") {
                    H.link(member.person.name, to: .record(.person, member.person.id))
                    Text(" — " + text("memberPart.\(member.part.rawValue)"))
                    if member.period.from != nil || member.period.to != nil {
                        H.text("span", [("class", "muted")], " (\(member.period.from?.description ?? "…") – \(member.period.to?.description ?? "…"))")
                    }
                }
            }
        }
    }

    static func deliverables(_ model: Model, canWrite: Bool, chrome: Chrome) -> Component {
        let text = chrome.text
        let group = model.group
        return H.el("section", [("aria-labelledby", "deliverables")]) {
            H.el("h2", [("id", "deliverables")]) { Text(text("groups.deliverables")) }
            if group.deliverables.isEmpty { Paragraph(text("groups.noDeliverables")) }
            if !group.deliverables.isEmpty {
                H.el("ul", [("class", "records")]) {
                    for item in group.deliverables {
                        let late = DeliverableRule.isLate(status: item.status, due: item.dueOn, today: model.today)
                        H.el("li", [("class", late ? "overdue" : nil)]) {
                            H.el("p", [("class", "record-title")]) {
                                Text(item.title)
                                if late { H.text("span", [("class", "badge badge-overdue")], text("groups.late")) }
                            }
                            H.text("p", [("class", "record-meta")], [text("deliverableKind.\(item.kind.rawValue)"), item.dueOn.map { text("followUps.due", $0.description) },
                                                                    text("deliverableStatus.\(item.status.rawValue)")].compactMap { $0 }.joined(separator: " · "))
                            if canWrite {
                                H.el("div", [("class", "actions")]) {
                                    for status in DeliverableStatus.allCases where status != item.status {
                                        H.el("form", [("method", "post"), ("action", SiteURL.record(.deliverable, item.id, .status).path), ("class", "inline")]) {
                                            Forms.csrf(chrome.csrfToken)
                                            Forms.hidden("status", status.rawValue)
                                            Forms.hidden("version", String(item.version))
                                            Forms.submit(text("deliverableStatus.\(status.rawValue)"), "secondary")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if canWrite {
                let errors = model.deliverableErrors, values = model.deliverableValues
                H.el("form", [("method", "post"), ("action", SiteURL.record(.workingGroup, group.id, .deliverables).path + "#deliverables"), ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.errorSummary(errors, text: text, idPrefix: "dl-")
                    H.el("h3") { Text(text("groups.addDeliverable")) }
                    Forms.field(label: text("groups.deliverableTitle"), name: "title", value: values["title"] ?? "", error: errors["title"], required: true, id: "dl-title")
                    Forms.select(label: text("groups.deliverableKind"), name: "kind",
                                 options: RegistryViews.options(DeliverableKind.self, prefix: "deliverableKind", text: text), selected: values["kind"],
                                 error: errors["kind"], id: "dl-kind")
                    Forms.field(label: text("groups.deliverableDue"), name: "dueOn", type: "date", value: values["dueOn"] ?? "", error: errors["dueOn"], id: "dl-dueOn")
                    Forms.submit(text("groups.addDeliverable"), "secondary")
                }
            }
        }
    }

    static func facts(_ group: WorkingGroupRecord, text: Localizer) -> Component {
        RegistryViews.facts([
            (text("groups.purpose"), RegistryViews.plain(group.purpose)),
            (text("groups.agreement"), RegistryViews.link(group.summary.agreement, { SiteURL.record(.agreement, $0) })),
            (text("groups.confidentiality"), Text(text("confidentiality.\(group.summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    struct Values: FormVersion {
        var name = "", purpose = "", agreementID = "", confidentiality = Confidentiality.internal.rawValue, members = "", version = ""

        init() {}

        init(_ group: WorkingGroupRecord) {
            name = group.summary.name
            purpose = group.purpose ?? ""
            agreementID = group.summary.agreement?.id.path ?? ""
            confidentiality = group.summary.confidentiality.rawValue
            members = group.members.map { member in
                var parts = [member.person.name, member.part.rawValue]
                if let from = member.period.from { parts.append(from.description) } else if member.period.to != nil { parts.append("") }
                if let to = member.period.to { parts.append(to.description) }
                return parts.joined(separator: ", ")
            }.joined(separator: "\n")
            version = String(group.version)
        }
    }

    struct FormModel: Sendable {
        var existing: WorkingGroupRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: WorkingGroupRecord?
        var agreements: [RecordRef]
        var canWriteRestricted: Bool
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("groups.edit") + ": " + $0.summary.name } ?? text("groups.new")
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
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.workingGroup, $0.id) } ?? .list(.workingGroup)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("groups.name"), name: "name", value: values.name, error: errors["name"], required: true)
                RegistryViews.textarea(label: text("groups.purpose"), name: "purpose", value: values.purpose, error: errors["purpose"], rows: 2)
                Forms.select(label: text("groups.agreement"), name: "agreementID",
                             options: RegistryViews.refOptions(model.agreements, empty: text("engagements.noChoice")), selected: values.agreementID,
                             error: errors["agreementID"])
                RegistryViews.textarea(label: text("groups.members"), name: "members", value: values.members, error: errors["members"],
                                       help: text("groups.members.help"), rows: 5)
                Forms.select(label: text("groups.confidentiality"), name: "confidentiality",
                             options: confidentiality.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) }, selected: values.confidentiality,
                             error: errors["confidentiality"])
                Forms.submit(text("record.save"))
            }
        }
    }
}
