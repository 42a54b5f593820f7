import Domain
import Features
import Markup

extension ContextEventsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("context.title"),
                              new: model.canWrite ? (text("context.new"),
                                                     .new(.contextEvent)) : nil, csv: .contextEvents,
                              intro: text("context.intro"), url: .list(.contextEvent),
                              saved: SavedFiltersBar(saved: model.saved, list: .contextEvent, query: model.query(page: 1)),
                              isEmpty: model.page.items.isEmpty, emptyText: text("context.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Filters.choice(ContextEventKind.self, text("context.kind"), name: "kind", prefix: "contextKind",
                           selected: model.kind, text: text)
            Filters.choice(model.places, text("context.places"), name: "place", selected: model.placeID, text: text)
            Filters.period(from: model.from, to: model.to, errors: model.errors, text: text)
        } items: {
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// When (latest first on the first click), what, its kind and severity, and where.
    static func table(_ model: Model, text: Localizer) -> DataTable<ContextEventSummary> {
        DataTable(label: text("context.title"), columns: [
            .title(.contextEvent, text: text),
            .init(label: text("context.dates"), sorts: .init(ascending: "date", descending: "-date", descendingFirst: true)) {
                ContextEventViews.dates($0.period, text: text)
            },
            .init(label: text("context.kind")) { text("contextKind.\($0.kind.rawValue)") },
            .init(label: text("context.severity")) { text("severity.\($0.severity.rawValue)") },
            .init(label: text("context.places")) { $0.places.map(\.name).joined(separator: ", ") },
        ], sort: model.sort, sortedBy: model.sorted)
    }
}
