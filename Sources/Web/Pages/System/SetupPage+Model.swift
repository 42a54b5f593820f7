/// The one-time page that creates the first administrator on an empty database.
enum SetupPage {
    struct Model: Sendable {
        var name = "", email = "", errors = Forms.Errors()
    }
}
