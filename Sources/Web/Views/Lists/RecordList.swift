import Domain
import Markup

/// Records as a list: each a linked name with its badges and a line about it.
enum RecordList {
    static func view<Item>(_ items: [Item], itemClass: String? = nil,
                           @ComponentBuilder item: (Item) -> Component) -> Component {
        H.el("ul", [("class", "records")]) {
            for element in items { H.el("li", [("class", itemClass)]) { item(element) } }
        }
    }

    /// The linked name and its badges, then the line about it.
    static func entry(_ title: String, to url: SiteURL, restricted: Bool = false, deleted: Bool = false, meta: String?,
                      text: Localizer) -> Component {
        H.group {
            H.el("p", [("class", "record-title")]) {
                H.link(title, to: url)
                Badges.of(restricted: restricted, deleted: deleted, text: text)
            }
            if let meta { H.text("p", [("class", "record-meta")], meta) }
        }
    }
}

/// A titled part of a page, named for screen readers by its heading.
enum Section {
    static func view(id: String, title: String, cssClass: String? = nil,
                     @ComponentBuilder content: () -> Component) -> Component {
        H.el("section", [("class", cssClass), ("aria-labelledby", id)]) {
            H.el("h2", [("id", id)]) { Text(title) }
            content()
        }
    }

    /// A section that is left out when it would be empty.
    static func unlessEmpty<Item>(_ items: [Item], id: String, title: String,
                                  @ComponentBuilder content: () -> Component) -> Component {
        items.isEmpty ? H.empty : view(id: id, title: title, content: content)
    }
}

/// Paragraphs and small pieces of text many pages share.
enum Prose {
    /// "2023-08-07 — Signed" for each step of a status over time.
    static func steps(_ steps: [(day: String, label: String)]) -> Component {
        H.el("ol", [("class", "plain")]) { for step in steps { H.text("li", [], "\(step.day) — \(step.label)") } }
    }
}
