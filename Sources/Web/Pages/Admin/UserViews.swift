import Domain
import Features
import Markup

/// A user's name, email and role, on their account page and beside their form after a conflict.
enum UserViews {
    static func facts(_ user: UserSummary, text: Localizer, cssClass: String = "facts") -> Component {
        H.el("dl", [("class", cssClass)]) {
            H.text("dt", [], text("field.name")); H.text("dd", [], user.name)
            H.text("dt", [], text("field.email")); H.text("dd", [], user.email)
            H.text("dt", [], text("field.role")); H.text("dd", [], text(user.role.labelKey))
        }
    }
}
