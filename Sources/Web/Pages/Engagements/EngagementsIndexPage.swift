import Domain
import Features
import Markup

/// The overall timeline of engagements, newest first, filterable by kind, topic and period, with the context
/// events of the same days between them.
enum EngagementsIndexPage {
    struct Model: Sendable {
        var page: ListPage<EngagementSummary>
        /// Context events of the days this page covers, shown between the engagements.
        var context: [ContextEventSummary] = []
        var kind: String
        var kinds: [KindChoice]
        var topic: String
        var from: String
        var to: String
        var placeID: String
        var places: [RecordRef]
        var canWrite: Bool
        var errors = Forms.Errors()

        func query(page: Int) -> String {
            QueryString.encode([("kind", kind), ("topic", topic), ("from", from), ("to", to), ("place", placeID), ("page", String(page))])
        }
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("engagements.title"), chrome: chrome) {
            H.el("div", [("class", "title-row")]) {
                H.el("h1") { Text(text("engagements.title")) }
                if model.canWrite { H.link(text("engagements.new"), to: .new(.engagement), [("class", "button primary")]) }
                H.el("a", [("href", SiteURL.csvExport(.engagements).path), ("class", "button secondary"), ("download", "")]) { Text(text("export.csv")) }
            }
            H.el("form", [("method", "get"), ("action", SiteURL.list(.engagement).path), ("class", "filters"), ("role", "search")]) {
                Forms.select(label: text("engagements.kind"), name: "kind",
                             options: EngagementViews.kindOptions(model.kinds, text: text, empty: text("list.any")), selected: model.kind)
                H.el("details", [("class", "more-filters"), ("open", [model.topic, model.from, model.to, model.placeID].contains { !$0.isEmpty } || !model.errors.isEmpty ? "" : nil)]) {
                    H.el("summary") { Text(text("list.moreFilters")) }
                    Forms.field(label: text("engagements.topic"), name: "topic", value: model.topic)
                    Forms.field(label: text("engagements.from"), name: "from", type: "date", value: model.from, error: model.errors["from"])
                    Forms.field(label: text("engagements.to"), name: "to", type: "date", value: model.to, error: model.errors["to"])
                    Forms.select(label: text("engagements.place"), name: "place",
                                 options: RegistryViews.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
                }
                Forms.submit(text("list.filter"), "secondary")
            }
            if model.page.items.isEmpty && model.context.isEmpty { Paragraph(text("engagements.none")) } else {
                EngagementViews.timeline(model.page.items, context: model.context, newestFirst: true, text: text)
            }
            RegistryViews.pager(model.page, base: SiteURL.list(.engagement).path, query: model.query, text: text)
        }
    }
}

/// What the signed-in user has to do: open follow-ups they own, overdue ones marked.
enum FollowUpsPage {
    static func view(_ items: [FollowUpRecord], today: Day, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("followUps.title"), chrome: chrome) {
            H.el("h1") { Text(text("followUps.title")) }
            if items.isEmpty { Paragraph(text("followUps.none")) } else {
                EngagementViews.followUpList(items, today: today, showEngagement: true, canWrite: true, chrome: chrome)
            }
        }
    }
}
