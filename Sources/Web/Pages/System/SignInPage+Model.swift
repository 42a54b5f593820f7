/// The sign-in form: what was typed and what went wrong.
enum SignInPage {
    struct Model: Sendable {
        var email = "", next = ""
        /// A message for the whole form (wrong password, throttled), not tied to one field.
        var formError: String?
    }
}
