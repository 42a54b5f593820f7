import Domain
import Markup

/// Boxes that tell the reader something once.
enum Notice {
    /// A secret just made, shown once in a box of its own.
    static func shownOnce(_ message: String, secret: String, id: String? = nil) -> Component {
        H.el("div", [("class", "notice"), ("role", "status")]) {
            Paragraph(message)
            H.el("p") { H.text("code", [("class", "secret"), ("id", id)], secret) }
        }
    }
}
