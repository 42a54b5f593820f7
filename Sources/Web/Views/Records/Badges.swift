import Domain
import Markup

/// The marks beside a record's name: restricted, deleted.
enum Badges {
    static func of(restricted: Bool, deleted: Bool, text: Localizer) -> Component {
        H.group {
            if restricted { H.text("span", [("class", "badge badge-restricted")], text("record.restrictedBadge")) }
            if deleted { H.text("span", [("class", "badge badge-deleted")], text("record.deletedBadge")) }
        }
    }

    /// The mark that tells a context event from the organisation's own work.
    static func context(_ text: Localizer) -> Component {
        H.text("span", [("class", "badge badge-context")], text("context.badge"))
    }
}
