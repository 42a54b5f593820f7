import Domain
import Features
import Markup

extension ExportPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let labels: [RecordExport.Kind: String] = [
            .people: text("nav.people"), .organizations: text("nav.organizations"), .places: text("nav.places"),
            .engagements: text("nav.engagements"), .agreements: text("nav.agreements"),
            .recommendations: text("nav.recommendations"), .contextEvents: text("nav.context"),
        ]
        return Layout.titled(text("export.title"), chrome: chrome) {
            Paragraph(text(model.seesRestricted ? "export.scope.restricted" : "export.scope.normal"))
            Section.view(id: "zip-heading", title: text("export.zip")) {
                Paragraph(text("export.zip.intro", model.files.joined(separator: ", ")))
                H.el("p") {
                    H.el("a", [("href", SiteURL.exportZip.path), ("class", "button"), ("download", "")]) {
                        Text(text("export.zip.download"))
                    }
                }
            }
            Section.view(id: "csv-heading", title: text("export.csvByKind")) {
                Paragraph(text("export.csvByKind.intro"))
                H.el("ul") {
                    for kind in model.kinds {
                        H.el("li") {
                            H.el("a", [("href", SiteURL.csvExport(kind).path), ("download", "")]) {
                                Text("\(labels[kind] ?? kind.rawValue) (CSV)")
                            }
                        }
                    }
                }
            }
        }
    }
}
