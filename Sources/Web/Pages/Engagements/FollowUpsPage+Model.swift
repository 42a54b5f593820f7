import Domain
import Features

/// What the signed-in user has to do: open follow-ups they own, overdue ones marked.
enum FollowUpsPage {
    struct Model: Sendable {
        var items: [FollowUpRecord], today: Day
    }
}
