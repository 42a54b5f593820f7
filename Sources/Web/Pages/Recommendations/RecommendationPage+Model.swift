import Features

/// One recommendation: its text and targets, its status over time, and the evidence it rests on.
enum RecommendationPage {
    struct Model: RecordAccess, Sendable {
        var recommendation: RecommendationRecord, canWrite: Bool, canRestore: Bool
    }
}
