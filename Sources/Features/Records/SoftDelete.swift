import Domain
import FluentKit
import Foundation
import Storage

/// Records that are deleted by marking them, so that coordinators can bring them back.
public protocol SoftDeletable: Model where IDValue == UUID {
    var createdAt: Date { get set }
    var deletedAt: Date? { get set }
    var updatedAt: Date { get set }
    var version: Int { get set }
    /// How the audit trail names the record.
    var auditLabel: String { get }
}

/// Records whose names are in the name index; deleting and restoring them changes who finds them there.
protocol NameIndexed {
    /// Who may see the record through the name index, as it is now.
    var nameVisibility: NameIndex.Visibility { get }
}

extension PersonModel: SoftDeletable, NameIndexed {
    public var auditLabel: String { name }
    var nameVisibility: NameIndex.Visibility { NameIndex.Visibility(sensitivity: sensitivity, deleted: deletedAt != nil) }
}

extension OrganizationModel: SoftDeletable, NameIndexed {
    public var auditLabel: String { name }
    var nameVisibility: NameIndex.Visibility { deletedAt == nil ? .open : .deleted }
}

/// Marking deleted and restoring, with the version check and the audit entry, in the caller's transaction.
enum SoftDelete {
    static func delete<M: SoftDeletable>(_ model: M, recordType: String, label: String? = nil, expectedVersion: Int?, by actor: Actor, now: Date,
                                         on tx: any Database) async throws {
        if let expectedVersion { try requireVersion(expectedVersion, current: model.version) }
        try await mark(model, deletedAt: now, recordType: recordType, label: label, by: actor, now: now, on: tx)
    }

    static func restore<M: SoftDeletable>(_ model: M, recordType: String, label: String? = nil, by actor: Actor, now: Date, on tx: any Database) async throws {
        guard model.deletedAt != nil else { return }
        try await mark(model, deletedAt: nil, recordType: recordType, label: label, by: actor, now: now, on: tx)
    }

    /// A new version marked deleted (or not), its names as visible as it now is, and the entry in its history.
    private static func mark<M: SoftDeletable>(_ model: M, deletedAt: Date?, recordType: String, label: String?, by actor: Actor, now: Date,
                                               on tx: any Database) async throws {
        model.deletedAt = deletedAt
        model.updatedAt = now
        model.version += 1
        try await model.update(on: tx)
        if let indexed = model as? any NameIndexed { try await NameIndex.setVisibility(indexed.nameVisibility, of: model.id!, on: tx) }
        let change = deletedAt == nil ? FieldChange(field: "deleted", from: "yes", to: nil) : FieldChange(field: "deleted", from: nil, to: "yes")
        try await AuditTrail.record(deletedAt == nil ? .restore : .delete, by: actor, recordType: recordType, recordID: model.id,
                                    recordLabel: label ?? model.auditLabel, changes: [change], at: now, on: tx)
    }
}
