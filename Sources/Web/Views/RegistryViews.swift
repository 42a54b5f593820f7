import Foundation
import Domain
import Features
import Markup

/// Pieces every registry page uses: paging, badges, facts, history, delete confirmation.
enum RegistryViews {
    static func pager<Item>(_ list: ListPage<Item>, base: String, query: @escaping (Int) -> String, text: Localizer) -> Component {
        let first = list.items.isEmpty ? 0 : (list.page - 1) * list.perPage + 1
        let last = first + max(list.items.count, 1) - 1
        let showing = list.totalIsAtLeast
            ? text("list.showingMore", String(first), String(last), String(list.total))
            : text("list.showing", String(first), String(last), String(list.total))
        return H.el("nav", [("class", "pager"), ("aria-label", text("list.pageOf", String(list.page), String(list.pageCount)))]) {
            if !list.items.isEmpty { H.el("p") { Text(showing) } }
            if list.page > 1 { H.el("a", [("href", base + "?" + query(list.page - 1)), ("rel", "prev")]) { Text(text("list.previous")) } }
            if list.hasMore { H.el("a", [("href", base + "?" + query(list.page + 1)), ("rel", "next")]) { Text(text("list.next")) } }
        }
    }

    static func badges(restricted: Bool, deleted: Bool, text: Localizer) -> Component {
        H.group([
            restricted ? H.text("span", [("class", "badge badge-restricted")], text("record.restrictedBadge")) : H.empty,
            deleted ? H.text("span", [("class", "badge badge-deleted")], text("record.deletedBadge")) : H.empty,
        ])
    }

    /// A definition list of facts; empty values read "not recorded".
    static func facts(_ rows: [(String, Component?)], text: Localizer) -> Component {
        H.el("dl", [("class", "facts")]) {
            for (label, value) in rows {
                H.text("dt", [], label)
                H.el("dd") { value ?? H.text("span", [("class", "muted")], text("people.notSet")) }
            }
        }
    }

    static func plain(_ value: String?) -> Component? {
        guard let value, !value.isEmpty else { return nil }
        return Text(value)
    }

    static func lines(_ values: [String]) -> Component? {
        guard !values.isEmpty else { return nil }
        return H.el("ul", [("class", "plain")]) { for value in values { H.text("li", [], value) } }
    }

    static func link(_ ref: RecordRef?, _ url: (UUID) -> SiteURL) -> Component? {
        guard let ref else { return nil }
        return H.link(ref.name, to: url(ref.id))
    }

    static func actions(edit: SiteURL?, delete: SiteURL?, restore: SiteURL?, history: SiteURL, csrf: String, text: Localizer) -> Component {
        H.el("div", [("class", "actions")]) {
            if let edit { H.link(text("record.edit"), to: edit, [("class", "button secondary")]) }
            H.link(text("record.history"), to: history, [("class", "button secondary")])
            if let delete { H.link(text("record.delete"), to: delete, [("class", "button danger-link")]) }
            if let restore { Forms.post(to: restore, csrf: csrf, button: text("record.restore")) }
        }
    }

    static func confirmDelete(name: String, action: SiteURL, cancel: SiteURL, version: Int, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("record.deleteConfirm", name), chrome: chrome) {
            H.el("div", [("class", "narrow")]) {
                H.el("h1") { Text(text("record.deleteConfirm", name)) }
                Paragraph(text("record.deleteExplain"))
                H.el("form", [("method", "post"), ("action", action.path)]) {
                    Forms.csrf(chrome.csrfToken)
                    H.void("input", [("type", "hidden"), ("name", "version"), ("value", String(version))])
                    H.el("button", [("type", "submit"), ("class", "danger")]) { Text(text("record.delete")) }
                    Text(" ")
                    H.link(text("common.cancel"), to: cancel)
                }
            }
        }
    }

    static func history(name: String, back: SiteURL, entries: [AuditLog.Entry], names: [UUID: String] = [:], chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("record.historyOf", name), chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(text("record.back", name), to: back) }
            H.el("h1") { Text(text("record.historyOf", name)) }
            if entries.isEmpty { Paragraph(text("record.none")) } else { AuditTable.view(entries, names: names, text: text, showRecord: false) }
        }
    }

    /// - Parameter lookup: the label of a people look-up that the page's script adds under the box.
    static func textarea(label: String, name: String, value: String, error: String? = nil, help: String? = nil, rows: Int = 3,
                         lookup: (label: String, none: String)? = nil, id: String? = nil) -> Component {
        let id = id ?? "f-\(name)"
        let described = [help.map { _ in "\(id)-help" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) { Text(label) }
            if let help { H.el("p", [("class", "help"), ("id", "\(id)-help")]) { Text(help) } }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")]) { Text(error) } }
            H.el("textarea", [("id", id), ("name", name), ("rows", String(rows)),
                              ("data-lookup", lookup == nil ? nil : "people"), ("data-lookup-label", lookup?.label), ("data-lookup-none", lookup?.none),
                              ("aria-describedby", described.isEmpty ? nil : described.joined(separator: " ")),
                              ("aria-invalid", error == nil ? nil : "true")]) { Text(value) }
        }
    }

    /// Choices for a select, with an empty first option.
    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String, text: Localizer, empty: String? = nil) -> [(value: String, label: String)]
    where T.RawValue == String {
        (empty.map { [("", $0)] } ?? []) + T.allCases.map { ($0.rawValue, text("\(prefix).\($0.rawValue)")) }
    }

    static func refOptions(_ refs: [RecordRef], empty: String) -> [(value: String, label: String)] {
        [("", empty)] + refs.map { ($0.id.uuidString.lowercased(), $0.name) }
    }
}
