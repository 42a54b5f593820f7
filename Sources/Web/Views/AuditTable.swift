import Domain
import Foundation
import Features
import Markup

/// Audit entries as a table: used by the audit trail page and by every record's History.
enum AuditTable {
    /// - Parameter names: names for the identities the changes mention; one the reader may not see reads as such.
    /// - Parameter order: on the audit trail, "When" sorts: which way it reads now, and the address of each way.
    static func view(_ entries: [AuditLog.Entry], names: [UUID: String] = [:], text: Localizer,
                     showRecord: Bool, order: (oldestFirst: Bool, link: (Bool) -> String)? = nil) -> Component {
        H.el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"),
                     ("aria-label", text("audit.title"))]) {
            H.el("table", [("class", "audit")]) {
                H.el("thead") {
                    H.el("tr") {
                        when(order, text: text)
                        H.text("th", [("scope", "col")], text("audit.who"))
                        H.text("th", [("scope", "col")], text("audit.what"))
                        if showRecord { H.text("th", [("scope", "col")], text("audit.record")) }
                        H.text("th", [("scope", "col")], text("audit.changes"))
                    }
                }
                H.el("tbody") {
                    for entry in entries {
                        H.el("tr") {
                            // data-label lets narrow screens show each row as a labelled card.
                            H.el("td", [("data-label", text("audit.when"))]) {
                                Moment.view(entry.at, text: text)
                            }
                            H.text("td", [("data-label", text("audit.who"))], actorLabel(entry.actor, text: text))
                            H.text("td", [("data-label", text("audit.what"))], text("audit.action.\(entry.action)"))
                            if showRecord {
                                H.text("td", [("data-label", text("audit.record"))],
                                       HistoryWords.recordType(entry.recordType, text: text) + ": " + recordLabel(entry, text: text))
                            }
                            H.el("td", [("data-label", text("audit.changes"))]) {
                                changes(entry.changes, of: entry.recordType, names: names, text: text)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The "When" heading; where the trail sorts, a link to the other order (newest first, then oldest).
    static func when(_ order: (oldestFirst: Bool, link: (Bool) -> String)?, text: Localizer) -> Component {
        guard let order else { return H.text("th", [("scope", "col")], text("audit.when")) }
        return H.el("th", [("scope", "col"), ("aria-sort", order.oldestFirst ? "ascending" : "descending")]) {
            H.el("a", [("href", order.link(!order.oldestFirst)), ("class", "sort")]) {
                Text(text("audit.when"))
                H.text("span", [("class", "sort-mark"), ("aria-hidden", "true")], order.oldestFirst ? " ▲" : " ▼")
            }
        }
    }

    static func actorLabel(_ actor: String, text: Localizer) -> String {
        switch actor {
        case Actor.commandLineLabel: return text("audit.cli")
        case Actor.anonymousLabel: return text("audit.anonymous")
        default: return actor
        }
    }

    /// A sign-in with something that is not an email address names no user: the trail keeps the anonymous
    /// label for it (`SignIn`).
    static func recordLabel(_ entry: AuditLog.Entry, text: Localizer) -> String {
        entry.recordType == "user" && entry.recordLabel == Actor.anonymousLabel ? text("audit.notAnEmail") : entry.recordLabel
    }

    static func changes(_ changes: [FieldChange], of recordType: String, names: [UUID: String], text: Localizer)
        -> Component {
        if changes.isEmpty { return H.empty }
        func shown(_ value: String?, _ field: String) -> String {
            guard let value else { return text("audit.empty") }
            return HistoryWords.value(named(value, names, text: text), recordType: recordType, field: field, text: text)
        }
        return H.el("ul", [("class", "changes")]) {
            for change in changes {
                H.el("li") {
                    H.text("strong", [], HistoryWords.field(change.field, text: text))
                    Text(" \(text("audit.from")) ")
                    H.text("del", [], shown(change.from, change.field))
                    Text(" \(text("audit.to")) ")
                    H.text("ins", [], shown(change.to, change.field))
                }
            }
        }
    }

    /// A change's value with each identity in it replaced by the record's name.
    static func named(_ value: String, _ names: [UUID: String], text: Localizer) -> String {
        guard value.count >= 36 else { return value }
        var result = value
        for token in value.split(whereSeparator: { !($0.isHexDigit || $0 == "-") }) where token.count == 36 {
            guard let id = UUID(uuidString: String(token)) else { continue }
            result = result.replacingOccurrences(of: String(token), with: names[id] ?? text("audit.notVisible"))
        }
        return result
    }
}

/// A moment as people read it, with the exact instant for machines.
enum Moment {
    static func view(_ date: Date, text: Localizer) -> Component {
        H.el("time", [("datetime", Formatting.isoDateTime(date))]) { Text(text.dateTime(date)) }
    }
}
