import Domain
import Features
import Markup

extension SearchPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let query = model.query
        return Layout.page(title: query.isEmpty ? text("search.title") : text("search.titleFor", query),
                           chrome: chrome) {
            H.el("h1") { Text(text("search.title")) }
            Filters.form(action: .search, submit: text("search.submit"), text: text) {
                Forms.field(label: text("search.label"), name: "q", type: "search", value: query, id: "search-page-q")
            }
            if let results = model.results {
                if results.groups.isEmpty {
                    H.el("p", [("role", "status")]) { Text(text("search.none", query)) }
                } else {
                    H.el("p", [("role", "status")]) { Text(text("search.summary", query)) }
                    for group in results.groups { self.group(group, text: text) }
                }
            }
        }
    }

    static func group(_ group: SearchGroup, text: Localizer) -> Component {
        Section.view(id: "results-\(group.kind)",
                     title: text("search.kind.\(group.kind)") + " (\(group.total)\(group.totalIsAtLeast ? "+" : ""))") {
            H.el("ul", [("class", "results")]) {
                for hit in group.hits {
                    H.el("li") {
                        H.el("a", [("href", url(hit).path)]) { marked(hit.title) }
                        if let detail = hit.detail { H.text("span", [("class", "muted")], " · " + detail) }
                        if let snippet = hit.snippet { H.el("p", [("class", "snippet")]) { marked(snippet) } }
                    }
                }
            }
            // Past the count's limit the hits are the latest, not ranked (`Search.countLimit`): say which.
            if group.total > group.hits.count {
                H.text("p", [("class", "help")], text(group.totalIsAtLeast ? "search.moreLatest" : "search.more", group.hits.count))
            }
        }
    }

    /// Matched words in `<mark>`, the rest as text; everything escaped.
    static func marked(_ segments: [SearchHighlight.Segment]) -> Component {
        H.group(segments.map { segment in segment.match ? H.el("mark") { Text(segment.text) } : Text(segment.text) })
    }

    static func url(_ hit: SearchHit) -> SiteURL {
        switch hit.kind {
        case "person": return .record(.person, hit.id)
        case "organization": return .record(.organization, hit.id)
        case "place": return .record(.place, hit.id)
        case "engagement": return .record(.engagement, hit.id)
        case "agreement": return .record(.agreement, hit.id)
        case "recommendation": return .record(.recommendation, hit.id)
        default: return .record(.contextEvent, hit.id)
        }
    }
}
