import Domain
import Features
import Markup

/// "Showing 1–50 of 120" with the links to the pages before and after.
enum Pager {
    static func view<Item>(_ list: ListPage<Item>, base: SiteURL, query: (Int) -> String,
                           text: Localizer) -> Component {
        let first = list.items.isEmpty ? 0 : (list.page - 1) * list.perPage + 1
        let last = first + max(list.items.count, 1) - 1
        let showing = text(list.totalIsAtLeast ? "list.showingMore" : "list.showing",
                           String(first), String(last), String(list.total))
        return H.el("nav", [("class", "pager"),
                            ("aria-label", text("list.pageOf", list.page, list.pageCount))]) {
            if !list.items.isEmpty { H.el("p") { Text(showing) } }
            if list.page > 1 {
                H.el("a", [("href", base.path + "?" + query(list.page - 1)), ("rel", "prev")]) {
                    Text(text("list.previous"))
                }
            }
            if list.hasMore {
                H.el("a", [("href", base.path + "?" + query(list.page + 1)), ("rel", "next")]) {
                    Text(text("list.next"))
                }
            }
        }
    }
}
