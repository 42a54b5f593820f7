import Domain
import Features
import Markup

/// `/export`: every way to take the records out — one kind as CSV, or everything as a zip of JSON files —
/// saying that what comes out is what the reader's role may see.
enum ExportPage {
    struct Model: Sendable {
        var kinds: [RecordExport.Kind]
        /// The JSON files inside the zip.
        var files: [String]
        var seesRestricted: Bool
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let labels: [RecordExport.Kind: String] = [
            .people: text("nav.people"), .organizations: text("nav.organizations"), .places: text("nav.places"), .engagements: text("nav.engagements"),
            .agreements: text("nav.agreements"), .recommendations: text("nav.recommendations"), .contextEvents: text("nav.context"),
        ]
        return Layout.page(title: text("export.title"), chrome: chrome) {
            H.el("h1") { Text(text("export.title")) }
            Paragraph(text(model.seesRestricted ? "export.scope.restricted" : "export.scope.normal"))
            H.el("section", [("aria-labelledby", "zip-heading")]) {
                H.el("h2", [("id", "zip-heading")]) { Text(text("export.zip")) }
                Paragraph(text("export.zip.intro", model.files.joined(separator: ", ")))
                H.el("p") {
                    H.el("a", [("href", SiteURL.exportZip.path), ("class", "button"), ("download", "")]) { Text(text("export.zip.download")) }
                }
            }
            H.el("section", [("aria-labelledby", "csv-heading")]) {
                H.el("h2", [("id", "csv-heading")]) { Text(text("export.csvByKind")) }
                Paragraph(text("export.csvByKind.intro"))
                H.el("ul") {
                    for kind in model.kinds {
                        H.el("li") {
                            H.el("a", [("href", SiteURL.csvExport(kind).path), ("download", "")]) { Text("\(labels[kind] ?? kind.rawValue) (CSV)") }
                        }
                    }
                }
            }
        }
    }
}
