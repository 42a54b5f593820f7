import Foundation
import Domain
import Features
import Markup

/// The organisations list.
enum OrganizationsIndexPage {
    struct Model: Sendable {
        var page: ListPage<OrganizationRow>
        var text: String
        var kind: String
        var level: String
        var placeID: String
        var sort: String
        var includeDeleted: Bool
        var places: [RecordRef]
        var canRestore: Bool
        var canWrite: Bool

        var hasMoreFilters: Bool { !kind.isEmpty || !level.isEmpty || !placeID.isEmpty || sort != SortOrder.name.rawValue || includeDeleted }

        func query(page: Int) -> String {
            var items = [("q", text), ("kind", kind), ("level", level), ("place", placeID), ("sort", sort)]
            if includeDeleted { items.append(("deleted", "1")) }
            items.append(("page", String(page)))
            return QueryString.encode(items)
        }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("organizations.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("organizations.title")) }
                if model.canWrite { H.link(text("organizations.new"), to: .new(.organization), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.organizations).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            H.el("form", [("method", "get"), ("action", SiteURL.list(.organization).path), ("class", "filters"), ("role", "search")]) {
                Forms.field(label: text("list.filterBox"), name: "q", type: "search", value: model.text, help: text("list.filterBox.help"))
                H.el("details", [("class", "more-filters"), ("open", model.hasMoreFilters ? "" : nil)]) {
                H.el("summary") { Text(text("list.moreFilters")) }
                Forms.select(label: text("organizations.kind"), name: "kind", options: RegistryViews.options(OrganizationKind.self, prefix: "kind", text: text, empty: text("list.any")), selected: model.kind)
                Forms.select(label: text("organizations.level"), name: "level", options: RegistryViews.options(GovernanceLevel.self, prefix: "level", text: text, empty: text("list.any")), selected: model.level)
                Forms.select(label: text("organizations.place"), name: "place", options: RegistryViews.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
                Forms.select(label: text("list.sort"), name: "sort", options: SortOrder.allCases.map { ($0.rawValue, text("list.sort.\($0.rawValue)")) }, selected: model.sort)
                if model.canRestore { Forms.checkbox(label: text("list.showDeleted"), name: "deleted", checked: model.includeDeleted) }
                }
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty {
                Paragraph(text("list.none"))
            } else {
                H.el("ul", [("class", "records")]) {
                    for row in model.page.items {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) {
                                H.link(row.name, to: .record(.organization, row.id))
                                if !row.otherNames.isEmpty { H.text("span", [("class", "muted")], " (" + row.otherNames.joined(separator: ", ") + ")") }
                                RegistryViews.badges(restricted: false, deleted: row.deleted, text: text)
                            }
                            H.text("p", [("class", "record-meta")], [text("kind.\(row.kind)"), row.level.map { text("level.\($0)") }, row.place].compactMap { $0 }.joined(separator: " · "))
                        }
                    }
                }
            }
            RegistryViews.pager(model.page, base: SiteURL.list(.organization).path, query: model.query, text: text)
        }
    }
}

/// One organisation: what it is, its people over time, its sub-organisations.
enum OrganizationPage {
    struct Model: Sendable {
        var data: OrganizationPageData
        var today: Day
        var canWrite: Bool
        var canRestore: Bool
        var relationship: RelationshipHistory?
        var agreements: [AgreementSummary] = []
        var recommendations: [RecommendationSummary] = []
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let org = model.data.organization
        let now = model.data.positions.filter { $0.isCurrent(on: model.today) }
        let before = model.data.positions.filter { !$0.isCurrent(on: model.today) }
        return Layout.page(title: org.name, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("organizations.title"), to: .list(.organization)) }
            H.el("h1") { Text(org.name); RegistryViews.badges(restricted: false, deleted: org.deletedAt != nil, text: text) }
            if org.deletedAt != nil { H.el("p", [("class", "notice")]) { Text(text("record.deleted")) } }
            RegistryViews.actions(
                edit: model.canWrite && org.deletedAt == nil ? .record(.organization, org.id, .edit) : nil,
                delete: model.canWrite && org.deletedAt == nil ? .record(.organization, org.id, .delete) : nil,
                restore: model.canRestore && org.deletedAt != nil ? .record(.organization, org.id, .restore) : nil,
                history: .record(.organization, org.id, .history), csrf: chrome.csrfToken, text: text
            )
            RegistryViews.facts([
                (text("organizations.otherNames"), RegistryViews.plain(org.otherNames.joined(separator: ", "))),
                (text("organizations.kind"), Text(text("kind.\(org.kind)"))),
                (text("organizations.level"), org.level.map { Text(text("level.\($0)")) }),
                (text("organizations.parent"), RegistryViews.link(org.parent) { .record(.organization, $0) }),
                (text("organizations.place"), RegistryViews.link(org.place) { .record(.place, $0) }),
                (text("organizations.website"), org.website.map { site in H.el("a", [("href", site), ("rel", "noopener noreferrer")]) { Text(site) } }),
                (text("organizations.notes"), RegistryViews.plain(org.notes)),
            ], text: text)
            if org.deletedAt == nil {
                H.el("p", [("class", "actions")]) {
                    H.link(text("assessments.link"), to: .record(.organization, org.id, .assessments), [("class", "button secondary")])
                    H.link(text("network.link"), to: .record(.organization, org.id, .network), [("class", "button secondary")])
                }
            }
            H.el("section", [("aria-labelledby", "people-heading")]) {
                H.el("h2", [("id", "people-heading")]) { Text(text("organizations.people")) }
                if now.isEmpty && before.isEmpty { Paragraph(text("record.none")) }
                if !now.isEmpty {
                    H.text("h3", [], text("organizations.peopleNow"))
                    H.el("ul", [("class", "plain")]) { for p in now { PersonPage.positionLine(p, organizationLink: false, canWrite: model.canWrite, text: text) } }
                }
                if !before.isEmpty {
                    H.text("h3", [], text("organizations.peopleBefore"))
                    H.el("ul", [("class", "plain")]) { for p in before { PersonPage.positionLine(p, organizationLink: false, canWrite: model.canWrite, text: text) } }
                }
                if model.canWrite && org.deletedAt == nil {
                    H.el("a", [("href", SiteURL.new(.position).path + "?organization=" + org.id.path), ("class", "button secondary")]) { Text(text("positions.new")) }
                }
            }
            if let relationship = model.relationship { EngagementViews.relationship(relationship, today: model.today, chrome: chrome) }
            AgreementPages.partyTo(model.agreements, text: chrome.text)
            RecommendationPages.section(model.recommendations, title: chrome.text("recommendations.addressedTo"), text: chrome.text)
            if !model.data.children.isEmpty {
                H.el("section", [("aria-labelledby", "children-heading")]) {
                    H.el("h2", [("id", "children-heading")]) { Text(text("organizations.children")) }
                    H.el("ul", [("class", "plain")]) { for child in model.data.children { H.el("li") { H.link(child.name, to: .record(.organization, child.id)) } } }
                }
            }
        }
    }
}

/// Adding or editing an organisation.
enum OrganizationFormPage {
    struct Values: FormVersion {
        var name = "", otherNames = "", kind = OrganizationKind.ngo.rawValue, level = "", parentID = "", placeID = ""
        var website = "", notes = "", version = ""

        init() {}

        init(_ org: OrganizationRecord) {
            name = org.name; otherNames = org.otherNames.joined(separator: "\n"); kind = org.kind; level = org.level ?? ""
            parentID = org.parent?.id.path ?? ""; placeID = org.place?.id.path ?? ""; website = org.website ?? ""
            notes = org.notes ?? ""; version = String(org.version)
        }
    }

    struct Model: Sendable {
        var existing: OrganizationRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: OrganizationRecord?
        var organizations: [RecordRef]
        var places: [RecordRef]
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let title = model.existing.map { text("record.edit") + ": " + $0.name } ?? text("organizations.new")
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let existing = model.existing { H.link(existing.name, to: .record(.organization, existing.id)) } else { H.link(text("organizations.title"), to: .list(.organization)) }
            }
            H.el("h1") { Text(title) }
            if let theirs = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    H.text("h2", [], text("record.theirs"))
                    RegistryViews.facts([
                        (text("organizations.name"), Text(theirs.name)),
                        (text("organizations.otherNames"), RegistryViews.plain(theirs.otherNames.joined(separator: ", "))),
                        (text("organizations.kind"), Text(text("kind.\(theirs.kind)"))),
                        (text("organizations.level"), theirs.level.map { Text(text("level.\($0)")) }),
                        (text("organizations.website"), RegistryViews.plain(theirs.website)),
                        (text("organizations.notes"), RegistryViews.plain(theirs.notes)),
                    ], text: text)
                }
            } else {
                Forms.errorSummary(errors, text: text)
            }
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.organization, $0.id) } ?? .list(.organization)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("organizations.name"), name: "name", value: values.name, error: errors["name"], required: true, autocomplete: "off")
                RegistryViews.textarea(label: text("organizations.otherNames"), name: "otherNames", value: values.otherNames, error: errors["otherNames"], help: text("organizations.otherNames.help"), rows: 2)
                Forms.select(label: text("organizations.kind"), name: "kind", options: RegistryViews.options(OrganizationKind.self, prefix: "kind", text: text), selected: values.kind, error: errors["kind"])
                Forms.select(label: text("organizations.level"), name: "level", options: RegistryViews.options(GovernanceLevel.self, prefix: "level", text: text, empty: text("people.notSet")), selected: values.level, error: errors["level"])
                Forms.select(label: text("organizations.parent"), name: "parentID", options: RegistryViews.refOptions(model.organizations.filter { $0.id != model.existing?.id }, empty: text("people.notSet")), selected: values.parentID, error: errors["parentID"])
                Forms.select(label: text("organizations.place"), name: "placeID", options: RegistryViews.refOptions(model.places, empty: text("people.notSet")), selected: values.placeID, error: errors["placeID"])
                Forms.field(label: text("organizations.website"), name: "website", type: "url", value: values.website, error: errors["website"], autocomplete: "off")
                RegistryViews.textarea(label: text("organizations.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 4)
                Forms.submit(text("record.save"))
            }
        }
    }
}
