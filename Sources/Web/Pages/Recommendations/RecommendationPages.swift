import Domain
import Features
import Markup

/// Recommendations: the board (every recommendation by status), one recommendation with its evidence and
/// status over time, and the form.
enum RecommendationPages {
    static func board(_ columns: [(status: RecommendationStatus, items: [RecommendationSummary])], canWrite: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("recommendations.board"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("recommendations.board")) }
                if canWrite { H.link(text("recommendations.new"), to: .new(.recommendation), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.recommendations).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            // Columns side by side on a wide screen, one under the other on a phone; each a list with its count.
            H.el("div", [("class", "board")]) {
                for column in columns {
                    H.el("section", [("class", "board-column"), ("aria-labelledby", "status-\(column.status.rawValue)")]) {
                        H.el("h2", [("id", "status-\(column.status.rawValue)")]) {
                            Text(text("recommendationStatus.\(column.status.rawValue)"))
                            H.text("span", [("class", "muted")], " (\(column.items.count))")
                        }
                        if column.items.isEmpty { H.text("p", [("class", "muted")], text("recommendations.none")) } else { list(column.items, text: text) }
                    }
                }
            }
        }
    }

    static func list(_ items: [RecommendationSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "records")]) {
            for item in items {
                H.el("li") {
                    H.el("p", [("class", "record-title")]) {
                        H.link(item.title, to: .record(.recommendation, item.id))
                        RegistryViews.badges(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
                    }
                    H.text("p", [("class", "record-meta")], [text("recommendationStatus.\(item.status.rawValue)"),
                                                            item.level.map { text("level.\($0.rawValue)") }].compactMap { $0 }.joined(separator: " · "))
                }
            }
        }
    }

    static func section(_ items: [RecommendationSummary], title: String, text: Localizer) -> Component {
        if items.isEmpty { return H.empty }
        return H.el("section", [("aria-labelledby", "recommendations-heading")]) {
            H.el("h2", [("id", "recommendations-heading")]) { Text(title) }
            list(items, text: text)
        }
    }

    struct Model: Sendable {
        var recommendation: RecommendationRecord
        var canWrite: Bool
        var canRestore: Bool
    }

    static func page(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let item = model.recommendation
        let summary = item.summary
        return Layout.page(title: summary.title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("recommendations.title"), to: .list(.recommendation)) }
            H.el("h1") { Text(summary.title) }
            H.el("p", [("class", "record-meta")]) {
                Text(text("recommendationStatus.\(summary.status.rawValue)"))
                RegistryViews.badges(restricted: summary.confidentiality == .restricted, deleted: summary.isDeleted, text: text)
            }
            if model.canWrite {
                RegistryViews.actions(edit: summary.isDeleted ? nil : .record(.recommendation, item.id, .edit), delete: summary.isDeleted ? nil : .record(.recommendation, item.id, .delete),
                                      restore: summary.isDeleted && model.canRestore ? .record(.recommendation, item.id, .restore) : nil,
                                      history: .record(.recommendation, item.id, .history), csrf: chrome.csrfToken, text: text)
            } else {
                H.el("div", [("class", "actions")]) { H.link(text("record.history"), to: .record(.recommendation, item.id, .history), [("class", "button secondary")]) }
            }
            facts(item, text: text)
            H.el("section", [("aria-labelledby", "status-history")]) {
                H.el("h2", [("id", "status-history")]) { Text(text("recommendations.statusHistory")) }
                H.el("ol", [("class", "plain")]) {
                    for step in item.statusHistory { H.text("li", [], "\(step.effectiveOn) — \(text("recommendationStatus.\(step.status.rawValue)"))") }
                }
            }
            H.el("section", [("aria-labelledby", "evidence")]) {
                H.el("h2", [("id", "evidence")]) { Text(text("recommendations.evidence")) }
                if item.engagements.isEmpty && item.contextEvents.isEmpty { Paragraph(text("recommendations.noEvidence")) } else {
                    EngagementViews.timeline(item.engagements, context: item.contextEvents, newestFirst: false, text: text)
                }
            }
        }
    }

    static func facts(_ item: RecommendationRecord, text: Localizer) -> Component {
        RegistryViews.facts([
            (text("recommendations.text"), RegistryViews.plain(item.text)),
            (text("recommendations.targets"), item.targets.isEmpty ? nil : H.el("ul", [("class", "plain")]) {
                for target in item.targets { H.el("li") { H.link(target.name, to: .record(.organization, target.id)) } }
            }),
            (text("recommendations.level"), RegistryViews.plain(item.summary.level.map { text("level.\($0.rawValue)") })),
            (text("recommendations.group"), RegistryViews.link(item.workingGroup, { SiteURL.record(.workingGroup, $0) })),
            (text("recommendations.confidentiality"), Text(text("confidentiality.\(item.summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    struct Values: FormVersion {
        var title = "", text = "", level = "", status = RecommendationStatus.idea.rawValue, statusOn = "", workingGroupID = ""
        var confidentiality = Confidentiality.internal.rawValue, targets = "", contextEventIDs: [String] = [], version = ""

        init() {}

        init(_ item: RecommendationRecord) {
            title = item.summary.title
            text = item.text ?? ""
            level = item.summary.level?.rawValue ?? ""
            status = item.summary.status.rawValue
            workingGroupID = item.workingGroup?.id.path ?? ""
            confidentiality = item.summary.confidentiality.rawValue
            targets = item.targets.map(\.name).joined(separator: "\n")
            contextEventIDs = item.contextEvents.map(\.id.path)
            version = String(item.version)
        }
    }

    struct FormModel: Sendable {
        var existing: RecommendationRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: RecommendationRecord?
        var groups: [RecordRef]
        var contextEvents: [RecordRef]
        var canWriteRestricted: Bool
    }

    static func form(_ model: FormModel, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("recommendations.edit") + ": " + $0.summary.title } ?? text("recommendations.new")
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
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.recommendation, $0.id) } ?? .list(.recommendation)).path), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"], required: true)
                RegistryViews.textarea(label: text("recommendations.text"), name: "text", value: values.text, error: errors["text"], rows: 5)
                Forms.select(label: text("recommendations.status"), name: "status",
                             options: RegistryViews.options(RecommendationStatus.self, prefix: "recommendationStatus", text: text), selected: values.status,
                             error: errors["status"])
                Forms.field(label: text("recommendations.statusOn"), name: "statusOn", type: "date", value: values.statusOn, error: errors["statusOn"],
                            help: text("recommendations.statusOn.help"))
                Forms.select(label: text("recommendations.level"), name: "level",
                             options: RegistryViews.options(GovernanceLevel.self, prefix: "level", text: text, empty: text("engagements.noChoice")),
                             selected: values.level, error: errors["level"])
                // Named after the field the domain reports on, so the error summary's link lands here.
                RegistryViews.textarea(label: text("recommendations.targets"), name: "targets", value: values.targets, error: errors["targetIDs"],
                                       help: text("recommendations.targets.typed"), rows: 3, id: "f-targetIDs")
                Forms.select(label: text("recommendations.group"), name: "workingGroupID",
                             options: RegistryViews.refOptions(model.groups, empty: text("engagements.noChoice")), selected: values.workingGroupID,
                             error: errors["workingGroupID"])
                VisitPages.multiple(label: text("recommendations.context"), name: "contextEventIDs", refs: model.contextEvents, selected: values.contextEventIDs,
                                    error: errors["contextEventIDs"], help: text("recommendations.targets.help"))
                Forms.select(label: text("recommendations.confidentiality"), name: "confidentiality",
                             options: confidentiality.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) }, selected: values.confidentiality,
                             error: errors["confidentiality"])
                Forms.submit(text("record.save"))
            }
        }
    }
}
