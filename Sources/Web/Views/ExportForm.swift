import Domain
import Markup

/// The files a report exports, with the language to write them in (the reader's, unless they choose
/// another — one coordinator publishes the same update in Albanian and in Serbian). A plain GET form:
/// each file is a button that sends the choice to its own address, so it works without scripts.
enum ExportForm {
    /// With `publicationChoice`, a box asks for a copy for publication (`for=publication`: small numbers suppressed).
    static func view(_ files: [(url: SiteURL, label: String)], keeping hidden: [(name: String, value: String)] = [],
                     publicationChoice: Bool = false, text: Localizer) -> Component {
        guard let first = files.first else { return H.empty }
        return H.el("form", [("method", "get"), ("action", first.url.path), ("class", "export-form actions no-print")]) {
            for (name, value) in hidden { Forms.hidden(name, value) }
            H.el("label", [("for", "export-language")]) { Text(text("report.language")) }
            H.el("select", [("id", "export-language"), ("name", "language")]) {
                for language in Language.allCases {
                    H.el("option", [("value", language.tag), ("lang", language.tag),
                                    ("selected", language == text.language ? "" : nil)]) { Text(language.nativeName) }
                }
            }
            if publicationChoice {
                H.el("label", [("class", "checkbox")]) {
                    H.void("input", [("type", "checkbox"), ("name", "for"), ("value", "publication")])
                    Text(" " + text("period.forPublication"))
                }
            }
            for file in files {
                H.el("button", [("type", "submit"), ("formaction", file.url.path), ("class", "secondary")]) {
                    Text(text(file.label))
                }
            }
        }
    }
}
