import Features

/// One recommendation: its text and targets, its status over time, and the evidence it rests on.
enum RecommendationPage {
    struct Model: Sendable {
        var recommendation: RecommendationRecord
        var canWrite: Bool
        var canRestore: Bool
    }
}
