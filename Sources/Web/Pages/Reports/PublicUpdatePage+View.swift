import Domain
import Features
import Markup

extension PublicUpdatePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let update = model.update
        let title = text("publicUpdate.title", update.visit.summary.title)
        return Layout.page(title: title, chrome: chrome) {
            Breadcrumb.view([(update.visit.summary.title, .record(.visit, update.visit.id))],
                            cssClass: "breadcrumb no-print")
            H.el("h1") { Text(title) }
            H.text("p", [("class", "help")], text("publicUpdate.intro"))
            check(update, canPublish: model.canPublish, text: text)
            if model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) { Paragraph(text("record.conflict")) }
            }
            Forms.errorSummary(model.errors, text: text, idPrefix: "pu-")
            if model.canWrite { form(model, chrome: chrome) }
            H.el("h2") { Text(text("publicUpdate.preview")) }
            if update.sections.contains(where: { !$0.counts.isEmpty }) {
                H.text("p", [("class", "help small-numbers")], text("smallNumbers.forPublication", update.smallNumbers.threshold))
            }
            body(update, text: text) { SiteURL.record(.photo, $0.id, .small).path }
        }
    }

    /// A whole document that opens anywhere: the stylesheet inline, photos as data.
    static func standalone(_ update: PublicUpdate, stylesheet: String, text: Localizer,
                           photo: (PhotoRecord) -> String?) -> String {
        Standalone.document(title: update.headline, stylesheet: stylesheet, text: text) {
            body(update, text: text, photo: photo)
        }
    }
}
