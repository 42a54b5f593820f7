import Features

/// Everyone who can sign in, for administrators.
enum UsersIndexPage {
    struct Model: Sendable {
        var users: [UserSummary]
    }
}
