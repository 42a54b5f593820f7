import Domain
import FluentKit
import Foundation
import Storage

extension RecordKind {
    /// Changes what belongs to a live record beside its own fields (an engagement linked to it, a meeting,
    /// a deliverable) in one transaction with the entry in the record's history: `change` makes the change
    /// and says what it changed, nothing when there was nothing to do (then no entry).
    func changeParts(of id: UUID, by actor: Actor, now: Date,
                     _ change: @escaping @Sendable (Model, any Database) async throws -> [FieldChange]) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let changes = try await change(model, tx)
            guard !changes.isEmpty else { return }
            let name = try await label(of: model, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: name, changes: changes,
                                        at: now, on: tx)
        }
    }
}
