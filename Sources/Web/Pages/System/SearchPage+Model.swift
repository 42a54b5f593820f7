import Features

/// Results of the search box, grouped by kind with their counts, the matched words marked.
enum SearchPage {
    struct Model: Sendable {
        /// Nil before anything was asked.
        var results: SearchResults?
        var query: String
    }
}
