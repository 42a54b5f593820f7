import Domain
import Features
import Foundation
import Markup

/// Results of the search box, grouped by kind with their counts, the matched words marked.
enum SearchPage {
    static func view(_ results: SearchResults?, query: String, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: query.isEmpty ? text("search.title") : text("search.titleFor", query), chrome: chrome) {
            H.el("h1") { Text(text("search.title")) }
            H.el("form", [("method", "get"), ("action", SiteURL.search.path), ("role", "search"), ("class", "filters")]) {
                Forms.field(label: text("search.label"), name: "q", type: "search", value: query, id: "search-page-q")
                Forms.submit(text("search.submit"), "secondary")
            }
            if let results {
                if results.groups.isEmpty {
                    H.el("p", [("role", "status")]) { Text(text("search.none", query)) }
                } else {
                    H.el("p", [("role", "status")]) { Text(text("search.summary", query)) }
                    for group in results.groups {
                        H.el("section", [("aria-labelledby", "results-\(group.kind)")]) {
                            H.el("h2", [("id", "results-\(group.kind)")]) {
                                Text(text("search.kind.\(group.kind)") + " (\(group.total)\(group.totalIsAtLeast ? "+" : ""))")
                            }
                            H.el("ul", [("class", "results")]) {
                                for hit in group.hits {
                                    H.el("li") {
                                        H.el("a", [("href", url(hit).path)]) { marked(hit.title) }
                                        if let detail = hit.detail { H.text("span", [("class", "muted")], " · " + detail) }
                                        if let snippet = hit.snippet { H.el("p", [("class", "snippet")]) { marked(snippet) } }
                                    }
                                }
                            }
                            if group.total > group.hits.count {
                                H.text("p", [("class", "help")], text("search.more", String(group.hits.count)))
                            }
                        }
                    }
                }
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
