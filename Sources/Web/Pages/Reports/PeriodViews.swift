import Domain
import Features
import Foundation
import Markup

/// The period report's pieces: the line saying which periods, and the tables of figures.
enum PeriodViews {
    /// The frame both period pages share: the title, the filter, and — once the filter names a period — which
    /// periods are compared, then the page's own content.
    static func page(title: String, filter: PeriodFilter, action: SiteURL, report: PeriodReport?, seesRestricted: Bool,
                     publication: SmallNumbers? = nil, chrome: Chrome, @ComponentBuilder content: (PeriodReport) -> Component) -> String {
        Layout.titled(title, chrome: chrome) {
            filter.form(action: action, text: chrome.text)
            if let report {
                subtitle(report, seesRestricted: seesRestricted, publication: publication, text: chrome.text)
                content(report)
            }
        }
    }

    /// Which periods, whose copy, whether the figures are exact (not for publication) or for publication.
    static func subtitle(_ report: PeriodReport, seesRestricted: Bool, publication: SmallNumbers? = nil, text: Localizer) -> Component {
        H.group {
            Paragraph(text("period.subtitle", PeriodReportTable.span(report.current.period, text: text),
                           PeriodReportTable.span(report.previous.period, text: text))
                      + (report.place.map { " " + text("period.place", $0.name) } ?? ""))
            H.el("p", [("class", publication == nil ? "disclosure not-for-publication" : "disclosure for-publication")]) {
                H.text("strong", [], PeriodReportTable.disclosure(publication, text: text))
            }
            if !seesRestricted { H.text("p", [("class", "help")], text("period.restricted")) }
            reachExplained(text: text)
        }
    }

    /// What "people reached" counts, said wherever the figure is shown.
    static func reachExplained(text: Localizer) -> Component {
        H.text("p", [("class", "help reach-explained")], text("period.reachExplained"))
    }

    /// The figures' tables and the agreements signed; links only on the site (`link` nil in the file).
    static func tables(_ report: PeriodReport, publication: SmallNumbers? = nil, text: Localizer, link: ((UUID) -> SiteURL)?) -> Component {
        H.group {
            for section in PeriodReportTable.sections(report, text: text, publication: publication) { table(section, report: report, text: text) }
            if !report.current.agreementsSigned.isEmpty {
                H.el("h2") { Text(text("period.agreementsList")) }
                H.el("ul") {
                    for agreement in report.current.agreementsSigned {
                        H.el("li") {
                            if let link { H.link(agreement.title, to: link(agreement.id)) } else { Text(agreement.title) }
                            Text(agreement.signedOn.map { " (\($0))" } ?? "")
                        }
                    }
                }
            }
        }
    }

    static func table(_ section: PeriodReportTable.Section, report: PeriodReport, text: Localizer) -> Component {
        H.el("div", [("class", "table-scroll figures")]) {
            H.el("table") {
                H.text("caption", [], section.title)
                H.el("thead") {
                    H.el("tr") {
                        H.text("th", [("scope", "col")], text("period.figure"))
                        H.text("th", [("scope", "col"), ("class", "num")],
                               PeriodReportTable.span(report.current.period, text: text))
                        H.text("th", [("scope", "col"), ("class", "num")],
                               PeriodReportTable.span(report.previous.period, text: text))
                    }
                }
                H.el("tbody") {
                    for row in section.rows {
                        H.el("tr") {
                            H.text("th", [("scope", "row")], row.label)
                            H.text("td", [("class", "num")], row.current)
                            H.text("td", [("class", "num")], row.previous)
                        }
                    }
                }
            }
        }
    }

    /// The period report as one HTML file that opens anywhere (its stylesheet inside), for a donor.
    /// With `publication`, small numbers are suppressed (`SmallNumbers`); without, the figures are exact and
    /// the file says it is not for publication.
    static func standalone(_ report: PeriodReport, seesRestricted: Bool, publication: SmallNumbers? = nil, stylesheet: String,
                           text: Localizer) -> String {
        Standalone.document(title: text("period.title"), stylesheet: stylesheet, text: text) {
            H.el("h1") { Text(text("period.title")) }
            subtitle(report, seesRestricted: seesRestricted, publication: publication, text: text)
            tables(report, publication: publication, text: text, link: nil)
        }
    }
}

/// A whole document that opens anywhere: the stylesheet inline, no links back to the site needed.
enum Standalone {
    static func document(title: String, stylesheet: String, text: Localizer,
                         @ComponentBuilder main: () -> Component) -> String {
        var html = "<!DOCTYPE html>"
        H.el("html", [("lang", text.tag)]) {
            H.el("head") {
                H.void("meta", [("charset", "utf-8")])
                H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                H.text("title", [], title)
                H.el("style") { RawCSS(css: stylesheet) }
            }
            H.el("body") { H.el("main", [("id", "main")]) { main() } }
        }.write(to: &html)
        return html
    }
}

/// A stylesheet written into a `<style>` element as it is (our own file, never user input).
struct RawCSS: Component {
    let css: String
    func write(to html: inout String) { html += css.replacingOccurrences(of: "</style", with: "<\\/style") }
}
