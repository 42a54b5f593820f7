import Domain
import FluentKit
import Foundation
import Storage

extension Engagements {
    /// The engagements a user logged lately and that are still there, newest first (the desk's list):
    /// read from the audit trail's "created" entries, so it needs no column of its own.
    public func recentlyLogged(by userID: UUID, limit: Int = 5, actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        let created = try await AuditEntryModel.query(on: database)
            .filter(\.$actorID == userID).filter(\.$recordType == Self.recordType).filter(\.$action == .create)
            .sort(\.$at, .descending).limit(limit * 3).all()
        let ids = created.compactMap(\.recordID)
        guard !ids.isEmpty else { return [] }
        // Whoever logged it, it stays out of sight when it is restricted now and the reader may not see that.
        let visible = try await visible(to: actor, includeDeleted: false).filter(\.$id ~~ ids).all()
        let titles = Dictionary(visible.map { ($0.id!, $0.title) }, uniquingKeysWith: { first, _ in first })
        return Array(ids.compactMap { id in titles[id].map { RecordRef(id: id, name: $0) } }.prefix(limit))
    }
}
