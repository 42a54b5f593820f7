import Domain
import Features
import Markup

/// Pieces of the recommendation pages that other pages show too.
enum RecommendationViews {
    static func list(_ items: [RecommendationSummary], text: Localizer) -> Component {
        RecordList.of(items, text: text) { meta($0, text: text) }
    }

    /// "Adopted · Municipal".
    static func meta(_ item: RecommendationSummary, text: Localizer) -> String {
        [text("recommendationStatus.\(item.status.rawValue)"), item.level.map { text("level.\($0.rawValue)") }]
            .compactMap { $0 }.joined(separator: " · ")
    }

    /// The section on an organisation's or working group's page.
    static func section(_ items: [RecommendationSummary], title: String, text: Localizer) -> Component {
        Section.unlessEmpty(items, id: "recommendations-heading", title: title) { list(items, text: text) }
    }

    /// The recommendation's facts; also shown beside the form when someone else saved first.
    static func facts(_ item: RecommendationRecord, text: Localizer) -> Component {
        Facts.list([
            (text("recommendations.text"), Facts.plain(item.text)),
            (text("recommendations.targets"), Facts.links(item.targets, .organization)),
            (text("recommendations.level"), Facts.plain(item.summary.level.map { text("level.\($0.rawValue)") })),
            (text("recommendations.group"), Facts.link(item.workingGroup) { .record(.workingGroup, $0) }),
            (text("recommendations.confidentiality"),
             Text(text("confidentiality.\(item.summary.confidentiality.rawValue)"))),
        ], text: text)
    }

    /// The two ways to see every recommendation: the board by status, or a table to filter and sort.
    static func viewSwitch(table: Bool, text: Localizer) -> Component {
        H.el("nav", [("class", "view-switch"), ("aria-label", text("recommendations.views"))]) {
            H.el("a", [("href", SiteURL.list(.recommendation).path), ("aria-current", table ? nil : "page")]) {
                Text(text("recommendations.asBoard"))
            }
            H.el("a", [("href", SiteURL.list(.recommendation).path + "?view=" + RecommendationsTablePage.view),
                       ("aria-current", table ? "page" : nil)]) {
                Text(text("recommendations.asTable"))
            }
        }
    }
}

extension RecommendationSummary: Listed {
    static let resource = Resource.recommendation
    var listedName: String { title }
    var isRestricted: Bool { confidentiality == .restricted }

}
