import Domain
import Features
import Foundation
import Markup

/// Records as a list: each a linked name with its badges and a line about it.
enum RecordList {
    static func view<Item>(_ items: [Item], itemClass: String? = nil,
                           @ComponentBuilder item: (Item) -> Component) -> Component {
        H.el("ul", [("class", "records")]) {
            for element in items { H.el("li", [("class", itemClass)]) { item(element) } }
        }
    }

    /// A record the item belongs to, under its line (the visit of an engagement).
    static func link(_ ref: RecordRef, _ resource: Resource) -> Component {
        H.el("p", [("class", "record-meta muted")]) { H.link(ref.name, to: .record(resource, ref.id)) }
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

    /// A section that lists things or says there are none, and may end with a form to add one.
    static func items<Item>(_ items: [Item], id: String, title: String, none: String,
                            @ComponentBuilder list: ([Item]) -> Component,
                            @ComponentBuilder add: () -> Component = { EmptyComponent() }) -> Component {
        view(id: id, title: title) {
            if items.isEmpty { Paragraph(none) } else { list(items) }
            add()
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
    /// A record's status over time, a line a step: "7 August 2023 — Signed". `statuses` is where the
    /// catalogue names the kind's statuses (`agreementStatus`).
    static func statusHistory<Status: RawRepresentable>(_ steps: [StatusStep<Status>], title: String, statuses: String,
                                                        text: Localizer) -> Component where Status.RawValue == String {
        Section.view(id: "status-history", title: title) {
            H.el("ol", [("class", "plain")]) {
                for step in steps { H.text("li", [], "\(text.day(step.effectiveOn)) — \(text("\(statuses).\(step.status.rawValue)"))") }
            }
        }
    }
}

/// A record as lists show it: where its page is, its name, and its marks.
protocol Listed {
    static var resource: Resource { get }
    var id: UUID { get }
    var listedName: String { get }
    var isRestricted: Bool { get }
    var isDeleted: Bool { get }
}

extension RecordList {
    /// Each record's linked name with its marks, the line `meta` says about it, and anything `more` adds.
    static func of<Item: Listed>(_ items: [Item], text: Localizer, meta: (Item) -> String?,
                                 @ComponentBuilder more: (Item) -> Component = { _ in EmptyComponent() }) -> Component {
        view(items) { item in
            entry(item.listedName, to: .record(Item.resource, item.id), restricted: item.isRestricted,
                  deleted: item.isDeleted, meta: meta(item), text: text)
            more(item)
        }
    }
}
