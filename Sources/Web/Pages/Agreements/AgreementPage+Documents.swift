import Domain
import Features
import Markup

extension AgreementPage {
    /// The agreement's PDFs, and the form to add one.
    static func documents(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.items(model.documents, id: "documents", title: text("agreements.documents"),
                             none: text("agreements.noDocuments")) { documents in
            RecordList.view(documents) { document in
                H.el("p", [("class", "record-title")]) {
                    H.link(document.title, to: .record(.document, document.id))
                    let size = text("agreements.documentSize", (max(1, document.byteCount / 1024)))
                    H.text("span", [("class", "muted")], " (PDF, " + size + ")")
                }
                if model.canChange {
                    Forms.post(to: .record(.document, document.id, .delete), csrf: chrome.csrfToken,
                               button: text("agreements.removeDocument"))
                }
            }
        } add: {
            if model.canChange { addDocument(model, chrome: chrome) }
        }
    }

    /// A PDF with its title; after a mistake the title stays and the file must be chosen again.
    static func addDocument(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text, errors = model.documentErrors
        return SectionForm.view(action: .record(.agreement, model.agreement.id, .documents), section: "documents",
                                idPrefix: "doc-", errors: errors, multipart: true, chrome: chrome) {
            H.el("h3") { Text(text("agreements.addDocument")) }
            Forms.field(label: text("agreements.documentTitle"), name: "title", value: model.documentTitle,
                        error: errors["title"], required: true, id: "doc-title")
            Forms.file(label: text("agreements.documentFile"), accept: "application/pdf",
                       help: text("agreements.documentFile.help"), error: errors["file"], id: "doc-file")
            Forms.submit(text("agreements.addDocument"), "secondary")
        }
    }
}
