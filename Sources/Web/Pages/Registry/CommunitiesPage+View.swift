import Domain
import Features
import Markup

extension CommunitiesPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: model.editing.map { text("record.edit") + ": " + $0.name } ?? text("communities.new"),
            action: model.editing.map { .record(.community, $0.id) } ?? .list(.community), version: values.version,
            errors: errors, novalidate: true)
        return Layout.titled(text("communities.title"), chrome: chrome) {
            Paragraph(text("communities.intro"))
            if model.communities.isEmpty {
                Paragraph(text("record.none"))
            } else {
                RecordList.view(model.communities) { community in
                    RecordList.entry(community.name, to: .record(.community, community.id),
                                     meta: ([text("communityStatus.\(community.status)")]
                                            + [community.region?.name].compactMap { $0 })
                                        .joined(separator: " · "), text: text)
                }
            }
            frame.view(chrome: chrome, heading: "h2") {
                Forms.field(label: text("communities.name"), name: "name", value: values.name, error: errors["name"],
                            required: true, autocomplete: "off")
                Forms.select(label: text("communities.status"), name: "status",
                             options: Forms.options(CommunityStatus.self, prefix: "communityStatus", text: text),
                             selected: values.status, error: errors["status"])
                Forms.select(label: text("communities.region"), name: "regionID",
                             options: Forms.refOptions(model.regions, empty: "—"), selected: values.regionID,
                             error: errors["regionID"])
                Forms.textarea(label: text("communities.notes"), name: "notes", value: values.notes,
                               error: errors["notes"],
                               rows: 2)
            }
        }
    }
}
