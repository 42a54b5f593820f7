import Domain
import Features
import Markup

/// The communities a deployment works with: the list, and the form to add one or change it.
enum CommunitiesPage {
    struct Values: FormVersion {
        var name = "", status = CommunityStatus.nonMajority.rawValue, regionID = "", notes = "", version = ""
    }

    struct Model: Sendable {
        var communities: [CommunityRecord]
        var editing: CommunityRecord?
        var values: Values
        var errors = Forms.Errors()
        var regions: [RecordRef]
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        return Layout.page(title: text("communities.title"), chrome: chrome) {
            H.el("h1") { Text(text("communities.title")) }
            Paragraph(text("communities.intro"))
            if model.communities.isEmpty {
                Paragraph(text("record.none"))
            } else {
                H.el("ul", [("class", "records")]) {
                    for community in model.communities {
                        H.el("li") {
                            H.el("p", [("class", "record-title")]) { H.link(community.name, to: .record(.community, community.id)) }
                            H.text("p", [("class", "record-meta")], ([text("communityStatus.\(community.status)")] + [community.region?.name].compactMap { $0 }).joined(separator: " · "))
                        }
                    }
                }
            }
            H.el("h2") { Text(model.editing.map { text("record.edit") + ": " + $0.name } ?? text("communities.new")) }
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", (model.editing.map { SiteURL.record(.community, $0.id) } ?? .list(.community)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("communities.name"), name: "name", value: values.name, error: errors["name"], required: true, autocomplete: "off")
                Forms.select(label: text("communities.status"), name: "status", options: RegistryViews.options(CommunityStatus.self, prefix: "communityStatus", text: text),
                             selected: values.status, error: errors["status"])
                Forms.select(label: text("communities.region"), name: "regionID", options: RegistryViews.refOptions(model.regions, empty: "—"), selected: values.regionID, error: errors["regionID"])
                RegistryViews.textarea(label: text("communities.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 2)
                Forms.submit(text("record.save"))
            }
        }
    }
}
