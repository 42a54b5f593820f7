import Domain
import Features

/// A user's own account: password, API tokens and calendar feed.
enum AccountPage {
    struct Model: Sendable {
        var user: UserSummary
        var tokens: [APITokens.Summary], canUseTokens: Bool
        /// A token just created, shown once.
        var newTokenSecret: String?
        var canHaveCalendar = false, calendarFeed: CalendarFeeds.Status? = nil
        /// A calendar address just created, shown once.
        var newCalendarURL: String?
        var twoFactor = TwoFactor.Status.off
        var errors = Forms.Errors()
    }
}
