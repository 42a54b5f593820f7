import Domain
import Foundation

/// Everything done with a person or an organisation: the engagements (as participant, host or partner),
/// when they were last met, and what is still open. For the director preparing a meeting (scenario 5).
public struct RelationshipHistory: Sendable, Equatable {
    public var engagements: [EngagementSummary]
    public var hasMore: Bool
    /// The day of the latest engagement that has already happened.
    public var lastContact: Day?
    public var openFollowUps: [FollowUpRecord]

    /// Nothing done: a deleted record's page, shown to those who may restore it.
    public static let none = RelationshipHistory(engagements: [], hasMore: false, lastContact: nil, openFollowUps: [])
}

extension Engagements {
    public func history(withPerson id: UUID, by actor: Actor, today: Day, limit: Int = 50) async throws -> RelationshipHistory {
        var query = Query()
        query.personID = id
        query.perPage = limit
        return try await history(query, by: actor, today: today)
    }

    /// The same for the person whose page this is, found visible already.
    public func history(with person: SeenPerson, by actor: Actor, today: Day, limit: Int = 50) async throws -> RelationshipHistory {
        var query = Query()
        query.personID = person.id
        query.personSeen = true
        query.perPage = limit
        return try await history(query, by: actor, today: today)
    }

    public func history(withOrganization id: UUID, by actor: Actor, today: Day, limit: Int = 50) async throws -> RelationshipHistory {
        var query = Query()
        query.organizationID = id
        query.perPage = limit
        return try await history(query, by: actor, today: today)
    }

    private func history(_ query: Query, by actor: Actor, today: Day) async throws -> RelationshipHistory {
        let page = try await list(query, by: actor)
        let lastContact = page.items.compactMap(\.day).filter { $0 <= today }.max()
        let open = try await FollowUps(database: database).open(forEngagements: page.items.map(\.id), by: actor)
        return RelationshipHistory(engagements: page.items, hasMore: page.hasMore, lastContact: lastContact, openFollowUps: open)
    }
}
