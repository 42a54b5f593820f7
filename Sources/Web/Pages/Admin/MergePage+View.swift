import Domain
import Features
import Markup

extension MergePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let duplicate = model.duplicate, kept = model.kept
        return Layout.titled(text("merge.title", duplicate.name, kept.name), chrome: chrome) {
            Forms.errorSummary(model.errors, text: text)
            H.text("p", [], text("merge.help", duplicate.name, kept.name))
            if model.duplicateRestricted { H.text("p", [("class", "notice")], text("merge.restricted")) }
            H.el("h2") { Text(text("merge.moves")) }
            if model.moves.isEmpty {
                H.text("p", [], "—")
            } else {
                H.el("ul") {
                    for move in model.moves { H.text("li", [], text("merge.\(move.key)", move.count)) }
                }
            }
            H.el("p") {
                H.link(duplicate.name, to: DuplicatesPage.url(model.kind, duplicate.id))
                Text(" → ")
                H.link(kept.name, to: DuplicatesPage.url(model.kind, kept.id))
            }
            H.el("div", [("class", "actions")]) {
                Forms.post(to: DuplicatesPage.mergeURL(model.kind, duplicate.id), csrf: chrome.csrfToken,
                           button: text("merge.confirm"), cssClass: "primary", hidden: [("into", kept.id.uuidString)])
                let swap = DuplicatesPage.mergeURL(model.kind, kept.id).path + "?into=\(duplicate.id.path)"
                H.el("a", [("class", "button secondary"), ("href", swap)]) { Text(text("merge.swap", duplicate.name)) }
            }
        }
    }
}
