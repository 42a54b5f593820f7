import Domain
import Foundation
import Features
import Markup

/// Audit entries as a table: used by the audit trail page and by every record's History.
enum AuditTable {
    static func view(_ entries: [AuditLog.Entry], text: Localizer, showRecord: Bool) -> Component {
        H.el("div", [("class", "table-scroll"), ("tabindex", "0"), ("role", "region"),
                     ("aria-label", text("audit.title"))]) {
            H.el("table", [("class", "audit")]) {
                H.el("thead") {
                    H.el("tr") {
                        H.text("th", [("scope", "col")], text("audit.when"))
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
                                Moment.view(entry.at)
                            }
                            H.text("td", [("data-label", text("audit.who"))], actorLabel(entry.actor, text: text))
                            H.text("td", [("data-label", text("audit.what"))], text("audit.action.\(entry.action)"))
                            if showRecord {
                                H.text("td", [("data-label", text("audit.record"))],
                                       "\(entry.recordType): \(entry.recordLabel)")
                            }
                            H.el("td", [("data-label", text("audit.changes"))]) { changes(entry.changes, text: text) }
                        }
                    }
                }
            }
        }
    }

    static func actorLabel(_ actor: String, text: Localizer) -> String {
        switch actor {
        case "cli": return text("audit.cli")
        case "anonymous": return text("audit.anonymous")
        default: return actor
        }
    }

    static func changes(_ changes: [FieldChange], text: Localizer) -> Component {
        if changes.isEmpty { return H.empty }
        return H.el("ul", [("class", "changes")]) {
            for change in changes {
                H.el("li") {
                    H.text("strong", [], change.field)
                    Text(" \(text("audit.from")) ")
                    H.text("del", [], change.from ?? text("audit.empty"))
                    Text(" \(text("audit.to")) ")
                    H.text("ins", [], change.to ?? text("audit.empty"))
                }
            }
        }
    }
}

/// A moment as people read it, with the exact instant for machines.
enum Moment {
    static func view(_ date: Date) -> Component {
        H.el("time", [("datetime", Formatting.isoDateTime(date))]) { Text(Formatting.dateTime(date)) }
    }
}
