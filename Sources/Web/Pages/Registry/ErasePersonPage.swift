import Domain
import Features
import Markup

/// Erasing a person: what goes and what stays, the reason (for the audit trail, without their name), and
/// their name typed once more to confirm it is them. Mistakes come back beside their fields.
enum ErasePersonPage {
    struct Model: Sendable {
        var person: RecordRef
        var reason = "", confirmName = ""
        /// Opened from the retention review: the form says so, and the erasure goes back there.
        var fromReview = false
        var errors = Forms.Errors()
    }

    /// The `from` value of an erasure opened from the retention review.
    static let fromReview = "review"

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("erasure.title", model.person.name), chrome: chrome) {
            Breadcrumb.view([model.fromReview ? (text("retention.title"), .retentionReview) : (text("people.title"), .list(.person)),
                             (model.person.name, .record(.person, model.person.id))])
            H.el("h1") { Text(text("erasure.title", model.person.name)) }
            Forms.errorSummary(model.errors, text: text)
            Paragraph(text("erasure.intro"))
            H.el("ul") {
                for key in ["erasure.goes.record", "erasure.goes.participations", "erasure.goes.quotes",
                            "erasure.goes.photos", "erasure.goes.text", "erasure.goes.history", "erasure.goes.backups"] {
                    H.text("li", [], text(key))
                }
            }
            Paragraph(text("erasure.final"))
            H.el("form", [("method", "post"), ("action", SiteURL.record(.person, model.person.id, .erase).path),
                          ("class", "record-form"), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                if model.fromReview { Forms.hidden("from", fromReview) }
                Forms.textarea(label: text("erasure.reason"), name: "reason", value: model.reason,
                               error: model.errors["reason"], help: text("erasure.reason.help"), rows: 3)
                Forms.field(label: text("erasure.confirmName"), name: "confirmName", value: model.confirmName,
                            error: model.errors["confirmName"], help: text("erasure.confirmName.help", model.person.name),
                            required: true, autocomplete: "off")
                H.el("button", [("type", "submit"), ("class", "danger")]) { Text(text("erasure.submit")) }
            }
        }
    }
}
