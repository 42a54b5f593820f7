import Foundation

/// A live person the actor has just been shown — found, visible to them, not deleted. The person page's
/// other parts (their engagements, agreements and working groups) take it to ask about that person without
/// finding them again for the same check: one statement each saved. Only Features makes one (`People.page`),
/// so a caller cannot claim to have seen someone it did not.
public struct SeenPerson: Sendable, Equatable {
    public let id: UUID

    init(id: UUID) {
        self.id = id
    }
}
