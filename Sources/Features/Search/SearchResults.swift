import Domain
import Foundation

/// One result: what it is, what to call it, a line about it, and the words around the match.
public struct SearchHit: Sendable, Equatable, Codable {
    public var kind: String
    public var id: UUID
    public var title: [SearchHighlight.Segment]
    public var detail: String?
    public var snippet: [SearchHighlight.Segment]?
}

public struct SearchGroup: Sendable, Equatable, Codable {
    public var kind: String
    /// How many of this kind match (counted up to `Search.countLimit`).
    public var total: Int
    public var totalIsAtLeast: Bool
    public var hits: [SearchHit]
}

public struct SearchResults: Sendable, Equatable, Codable {
    public var query: String
    public var groups: [SearchGroup]

    public init(query: String, groups: [SearchGroup]) {
        self.query = query
        self.groups = groups
    }
}
