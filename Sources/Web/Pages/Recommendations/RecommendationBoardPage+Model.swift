import Domain
import Features

/// Every recommendation by status, a column each, from idea to adopted or rejected.
enum RecommendationBoardPage {
    struct Model: Sendable {
        var columns: [Column], canWrite: Bool
    }

    struct Column: Sendable {
        var status: RecommendationStatus
        var items: [RecommendationSummary]
    }
}
