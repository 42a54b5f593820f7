/// Policy recommendations and the way they travel: idea → drafting → submitted → accepted → implemented,
/// or rejected, or withdrawn. Raw values are stored and appear in the API; labels come from the catalogue
/// (`recommendationStatus.submitted`, …).
public enum RecommendationStatus: String, CaseIterable, Codable, Sendable {
    case idea, drafting, submitted, accepted, implemented, rejected, withdrawn

    /// The board's columns, in the order a recommendation moves through them.
    public static let board: [RecommendationStatus] = allCases
}

/// Which steps a recommendation may take. Forward along the path, skipping steps if need be (an idea
/// drafted and submitted the same week); rejected only once submitted; withdrawn at any time before it is
/// settled; a rejected one may be drafted again. Implemented and withdrawn are the end.
public enum RecommendationFlow {
    static let path: [RecommendationStatus] = [.idea, .drafting, .submitted, .accepted, .implemented]

    public static func canMove(from current: RecommendationStatus, to next: RecommendationStatus) -> Bool {
        if current == next { return true }
        switch (current, next) {
        case (.implemented, _), (.withdrawn, _): return false
        case (.rejected, .drafting): return true
        case (.rejected, _): return false
        case (_, .withdrawn): return true
        case (.submitted, .rejected): return true
        case (_, .rejected): return false
        default:
            guard let from = path.firstIndex(of: current), let to = path.firstIndex(of: next) else { return false }
            return to > from
        }
    }
}
