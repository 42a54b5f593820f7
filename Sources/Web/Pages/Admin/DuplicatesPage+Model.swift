import Features
import Foundation

/// The likely duplicates among people and organisations, each pair with a way to compare and merge them or
/// to say they are different.
enum DuplicatesPage {
    struct Model: Sendable {
        var people: DuplicateCandidates.Found, organizations: DuplicateCandidates.Found, canMerge: Bool
    }

    static func url(_ kind: DuplicateCandidates.Kind, _ id: UUID) -> SiteURL {
        .record(kind == .people ? .person : .organization, id)
    }

    static func mergeURL(_ kind: DuplicateCandidates.Kind, _ id: UUID) -> SiteURL {
        .record(kind == .people ? .person : .organization, id, .merge)
    }
}
