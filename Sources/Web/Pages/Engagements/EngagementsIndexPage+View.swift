import Domain
import Features
import Markup

extension EngagementsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("engagements.title"),
                              new: model.canWrite ? (text("engagements.new"),
                                                     .new(.engagement)) : nil, csv: .engagements,
                              url: .list(.engagement), saved: SavedFiltersBar(saved: model.saved, list: .engagement, query: model.query(page: 1)),
                              isEmpty: model.page.items.isEmpty && model.context.isEmpty,
                              emptyText: text("engagements.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Forms.select(label: text("engagements.kind"), name: "kind",
                         options: EngagementViews.kindOptions(model.kinds, text: text, empty: text("list.any")),
                         selected: model.kind)
            Filters.more(open: model.hasMoreFilters, text: text) {
                Forms.field(label: text("engagements.topic"), name: "topic", value: model.topic)
                Filters.period(from: model.from, to: model.to, errors: model.errors, text: text)
                Filters.choice(model.places, text("engagements.place"), name: "place", selected: model.placeID,
                               text: text)
            }
        } items: {
            let entries = EngagementViews.interleaved(model.page.items, context: model.context,
                                                      newestFirst: model.sort != oldestFirst)
            table(model, text: text).view(entries: entries.map {
                switch $0 {
                case .engagement(let item): return .row(item)
                case .context(let event):
                    return .across(ContextEventViews.entry(event, text: text), cssClass: "context-event")
                }
            }, text: text)
        }
    }

    /// When (newest first until asked otherwise), what, where, in which visit, on which topics; the
    /// context events of the same days between them, across the table.
    static func table(_ model: Model, text: Localizer) -> DataTable<EngagementSummary> {
        // The newest first is the list's own order, written as an empty sort.
        let sort = model.sort == oldestFirst ? oldestFirst : "-" + oldestFirst
        return DataTable(label: text("engagements.title"), columns: [
            .init(label: text("field.title")) { item in
                H.group {
                    H.link(item.title, to: .record(.engagement, item.id))
                    Badges.of(restricted: item.isRestricted, deleted: item.isDeleted, text: text)
                }
            },
            .init(label: text("engagements.start"), sorts: .init(ascending: oldestFirst, descending: "-" + oldestFirst,
                                                                 descendingFirst: true)) {
                EngagementViews.start($0, text: text)
            },
            .init(label: text("engagements.kind")) { EngagementViews.kindName($0, text: text) },
            .init(label: text("engagements.place")) { item in
                [item.place?.name, item.venue].compactMap { $0 }.joined(separator: " · ")
            },
            .init(label: text("engagements.visit"), ifPresent: \.visit) { visit in H.link(visit.name, to: .record(.visit, visit.id)) },
        ], sort: sort, sortedBy: { model.sorted($0 == oldestFirst ? oldestFirst : "") })
    }
}
