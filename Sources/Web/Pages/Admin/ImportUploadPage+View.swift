import Domain
import Features
import Markup

extension ImportUploadPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let errors = model.errors
        return Layout.titled(text("import.title"), chrome: chrome) {
            H.text("p", [("class", "help")], text("import.order"))
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.list(.importBatch).path),
                          ("enctype", "multipart/form-data")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.select(label: text("import.kind"), name: "kind",
                             options: ImportKind.order.map { ($0.rawValue, text("import.kind.\($0.rawValue)")) },
                             selected: model.values["kind"] ?? ImportKind.people.rawValue, error: errors["kind"])
                Forms.file(label: text("import.file"), accept: ".csv,text/csv,text/plain",
                           help: text("import.file.help"),
                           error: errors["file"], id: "f-file")
                Forms.submit(text("import.upload"))
            }
            H.el("p") { H.link(text("duplicates.title"), to: .duplicates) }
            if !model.recent.isEmpty {
                H.el("h2") { Text(text("import.recent")) }
                H.el("ul") {
                    for batch in model.recent {
                        H.el("li") {
                            H.link(batch.fileName, to: .record(.importBatch, batch.id))
                            Text(" · " + text("import.kind.\(batch.kind.rawValue)") + " · "
                                 + text("import.status.\(batch.status.rawValue)"))
                        }
                    }
                }
            }
        }
    }
}
