import Domain
import Features

/// All places, broadest first within each name order, with a filter that matches any language's name.
enum PlacesIndexPage {
    struct Model: Sendable {
        var page: ListPage<PlaceRecord>, text: String, kind: String
        var canWrite: Bool

        func query(page: Int) -> String { QueryString.encode([("q", text), ("kind", kind), ("page", String(page))]) }
    }
}
