import Domain
import Features
import Markup

/// Follow-ups as a list: overdue ones marked, each with the buttons that move its status.
enum FollowUpViews {
    static func list(_ items: [FollowUpRecord], today: Day, showEngagement: Bool, canWrite: Bool,
                     chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("ul", [("class", "records")]) {
            for item in items {
                let overdue = item.isOverdue(today: today)
                H.el("li", [("class", overdue ? "overdue" : nil)]) {
                    H.el("p", [("class", "record-title")]) {
                        Text(item.text)
                        if overdue { H.text("span", [("class", "badge badge-overdue")], text("followUps.overdue")) }
                    }
                    H.text("p", [("class", "record-meta")], [
                        item.dueOn.map { text("followUps.due", text.day($0)) } ?? text("followUps.noDue"),
                        item.owner?.name, text("followUpStatus.\(item.status.rawValue)"),
                    ].compactMap { $0 }.joined(separator: " · "))
                    if showEngagement {
                        H.el("p", [("class", "record-meta muted")]) {
                            H.link(item.engagement.name, to: .record(.engagement, item.engagement.id))
                        }
                    }
                    if canWrite { buttons(item, chrome: chrome) }
                }
            }
        }
    }

    static func buttons(_ item: FollowUpRecord, chrome: Chrome) -> Component {
        H.el("div", [("class", "actions")]) {
            for (status, label) in statusChoices(item.status) {
                Forms.post(to: .record(.followUp, item.id, .status), csrf: chrome.csrfToken, button: chrome.text(label),
                           hidden: [("status", status.rawValue), ("version", String(item.version))])
            }
        }
    }

    static func statusChoices(_ status: FollowUpStatus) -> [(FollowUpStatus, String)] {
        switch status {
        case .open: [(.done, "followUps.markDone"), (.dropped, "followUps.drop")]
        case .done, .dropped: [(.open, "followUps.reopen")]
        }
    }
}
