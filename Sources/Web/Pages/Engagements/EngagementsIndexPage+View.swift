import Domain
import Features
import Markup

extension EngagementsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("engagements.title"),
                              new: model.canWrite ? (text("engagements.new"),
                                                     .new(.engagement)) : nil, csv: .engagements,
                              url: .list(.engagement), isEmpty: model.page.items.isEmpty && model.context.isEmpty,
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
            EngagementViews.timeline(model.page.items, context: model.context, newestFirst: true, text: text)
        }
    }
}
