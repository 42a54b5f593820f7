import Domain
import Features
import Markup

extension VisitsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("visits.title"),
                              new: model.canWrite ? (text("visits.new"), .new(.visit)) : nil,
                              url: .list(.visit), hasFilters: false, isEmpty: model.page.items.isEmpty,
                              emptyText: text("visits.none"))
        return frame.page(chrome: chrome, pager: model.page) {
            RecordList.view(model.page.items) { visit in
                RecordList.entry(visit.title, to: .record(.visit, visit.id), deleted: visit.isDeleted,
                                 meta: text.days(visit.startsOn, visit.endsOn) + " · "
                                    + text("visitStatus.\(visit.status.rawValue)"),
                                 text: text)
            }
        }
    }
}
