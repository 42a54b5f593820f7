import Domain
import Features
import Markup

extension RecommendationsTablePage {
    static func render(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("recommendations.title"),
                              new: model.canWrite ? (text("recommendations.new"), .new(.recommendation)) : nil,
                              csv: .recommendations, url: .list(.recommendation),
                              views: RecommendationViews.viewSwitch(table: true, text: text),
                              saved: SavedFiltersBar(saved: model.saved, list: .recommendation, query: model.query(page: 1)),
                              isEmpty: model.page.items.isEmpty, emptyText: text("recommendations.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            H.void("input", [("type", "hidden"), ("name", "view"), ("value", view)])
            Filters.choice(RecommendationStatus.self, text("recommendations.status"), name: "status",
                           prefix: "recommendationStatus", selected: model.status, text: text)
        } items: {
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// Title, status and level; by title either way, or the last changed first (the list's own order).
    static func table(_ model: Model, text: Localizer) -> DataTable<RecommendationSummary> {
        DataTable(label: text("recommendations.title"), columns: [
            .title(.recommendation, text: text),
            .init(label: text("recommendations.status")) { text("recommendationStatus.\($0.status.rawValue)") },
            .init(label: text("recommendations.level")) { $0.level.map { text("level.\($0.rawValue)") } ?? "" },
        ], sort: model.sort, sortedBy: model.sorted)
    }
}
