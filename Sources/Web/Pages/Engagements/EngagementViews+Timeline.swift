import Domain
import Features
import Markup

extension EngagementViews {
    /// Engagements with the context events of their period between them, marked as context. Each is placed by
    /// its first day; on the same day, context comes first (it is what the meeting happened in).
    static func timeline(_ items: [EngagementSummary], context: [ContextEventSummary], newestFirst: Bool,
                         text: Localizer) -> Component {
        guard !context.isEmpty else { return list(items, text: text) }
        return H.el("ul", [("class", "records")]) {
            for item in interleaved(items, context: context, newestFirst: newestFirst) {
                switch item {
                case .engagement(let engagement): H.el("li") { entry(engagement, text: text) }
                case .context(let event):
                    H.el("li", [("class", "context-event")]) { ContextEventViews.entry(event, text: text) }
                }
            }
        }
    }

    enum TimelineEntry { case engagement(EngagementSummary), context(ContextEventSummary) }

    /// The engagements and the context events in one order, each by its first day.
    static func interleaved(_ items: [EngagementSummary], context: [ContextEventSummary],
                            newestFirst: Bool) -> [TimelineEntry] {
        let entries: [(key: String, entry: TimelineEntry)] = items.map { (String($0.start.prefix(10)) + "T1", .engagement($0)) }
            + context.map { ($0.period.startsOn.description + "T0", .context($0)) }
        return entries.enumerated().sorted { a, b in
            if a.element.key != b.element.key {
                return newestFirst ? a.element.key > b.element.key : a.element.key < b.element.key
            }
            return a.offset < b.offset
        }.map(\.element.entry)
    }

    /// The section on a person's or organisation's page: every engagement with them, last contact, open follow-ups.
    static func relationship(_ history: RelationshipHistory, today: Day, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "engagements-heading", title: text("engagements.withThem")) {
            if let last = history.lastContact {
                H.text("p", [("class", "record-meta")], text("engagements.lastContact", text.day(last)))
            }
            if !history.openFollowUps.isEmpty {
                H.el("h3") { Text(text("engagements.openFollowUps")) }
                FollowUpViews.list(history.openFollowUps, today: today, showEngagement: true, canWrite: false,
                                   chrome: chrome)
            }
            if history.engagements.isEmpty {
                Paragraph(text("engagements.noneWithThem"))
            } else {
                list(history.engagements, text: text)
            }
        }
    }
}
