import Domain
import Markup

/// A long list shown in part: the first few items, then the rest behind "and 12 more". The rest is a
/// disclosure, so it opens without a script, prints, and is found by the browser's search; nothing is lost.
enum Fold {
    /// How many items show before the fold.
    static let shown = 8

    /// `items` as one list (`cssClass` styles both halves alike); folded only when more than two would wait
    /// behind the fold, since "and 1 more" costs as much room as the item itself.
    static func list<Item>(_ items: [Item], shown: Int = Fold.shown, cssClass: String, text: Localizer,
                           @ComponentBuilder item: (Item) -> Component) -> Component {
        let cut = items.count > shown + 2 ? shown : items.count
        return H.group {
            H.el("ul", [("class", cssClass)]) { for element in items[..<cut] { H.el("li") { item(element) } } }
            if cut < items.count {
                H.el("details", [("class", "fold")]) {
                    H.el("summary") { Text(text("record.andMore", items.count - cut)) }
                    H.el("ul", [("class", cssClass)]) {
                        for element in items[cut...] { H.el("li") { item(element) } }
                    }
                }
            }
        }
    }
}
