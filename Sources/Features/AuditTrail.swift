import Domain
import FluentKit
import Foundation
import Storage

/// Writes the audit trail. Call it with the same database handle as the change (inside its
/// transaction), so that a change and its entry are stored together or not at all.
///
/// Every change passes here, so this is also where the record's search document is rewritten — in the
/// same transaction, so search never finds what was not saved, nor misses what was.
public enum AuditTrail {
    public static func record(
        _ action: AuditAction,
        by actor: Actor,
        recordType: String,
        recordID: UUID?,
        recordLabel: String,
        changes: [FieldChange] = [],
        at now: Date,
        on database: any Database
    ) async throws {
        let entry = AuditEntryModel(
            at: now, actorID: actor.userID, actorLabel: actor.label, action: action,
            recordType: recordType, recordID: recordID, recordLabel: recordLabel,
            changes: changes, address: actor.address
        )
        try await entry.create(on: database)
        if let recordID { try await SearchDocuments.refresh(recordType: recordType, id: recordID, on: database) }
    }
}
