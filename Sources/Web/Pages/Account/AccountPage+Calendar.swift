import Domain
import Features
import Markup

extension AccountPage {
    /// The private calendar address: made, replaced or revoked here; shown once.
    static func calendar(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "calendar-heading", title: text("account.calendar")) {
            Paragraph(text("account.calendar.intro", EngagementCalendar.maximumEvents))
            Paragraph(text("account.calendar.secret"))
            if let url = model.newCalendarURL {
                Notice.shownOnce(text("account.calendar.created"), secret: url, id: "new-calendar-url")
            }
            if let feed = model.calendarFeed {
                Paragraph(text("account.calendar.status", text.dateTime(feed.createdAt),
                               feed.lastUsedAt.map(text.dateTime) ?? text("common.never")))
                H.el("div", [("class", "actions")]) {
                    Forms.post(to: .accountCalendar, csrf: chrome.csrfToken, button: text("account.calendar.replace"))
                    Forms.post(to: .accountCalendarRevoke, csrf: chrome.csrfToken,
                               button: text("account.calendar.revoke"),
                               cssClass: "danger")
                }
            } else {
                Paragraph(text("account.calendar.none"))
                Forms.post(to: .accountCalendar, csrf: chrome.csrfToken, button: text("account.calendar.create"))
            }
        }
    }
}
