import Domain
import Features
import Markup

extension WorkingGroupsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("groups.title"),
                              new: model.canWrite ? (text("groups.new"), .new(.workingGroup)) : nil,
                              url: .list(.workingGroup), hasFilters: false, isEmpty: model.page.items.isEmpty,
                              emptyText: text("groups.none"))
        return frame.page(chrome: chrome, pager: model.page) { WorkingGroupViews.list(model.page.items, text: text) }
    }
}
