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
                              isEmpty: model.page.items.isEmpty, emptyText: text("context.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Forms.select(label: text("context.kind"), name: "kind",
                         options: Forms.options(ContextEventKind.self, prefix: "contextKind", text: text,
                                                empty: text("list.any")),
                         selected: model.kind)
            Forms.select(label: text("context.places"), name: "place",
                         options: Forms.refOptions(model.places, empty: text("list.any")), selected: model.placeID)
            Filters.period(from: model.from, to: model.to, errors: model.errors, text: text)
        } items: {
            RecordList.view(model.page.items, itemClass: "context-event") { ContextEventViews.entry($0, text: text) }
        }
    }
}
