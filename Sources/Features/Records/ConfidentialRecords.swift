import Domain
import FluentKit
import Foundation
import Storage

/// Records that carry a confidentiality (context events, agreements, working groups, recommendations):
/// a restricted one is invisible — not forbidden — to roles that may not read restricted records, and a
/// deleted one is seen only by those who may restore it. One rule for all of them, in one place.
public protocol ConfidentialRecord: SoftDeletable {
    var confidentiality: String { get }
}

enum ConfidentialRecords {
    /// The record, if the actor may see it; otherwise "not found", named `recordType` in the error.
    static func find<M: ConfidentialRecord>(_ type: M.Type, _ id: UUID, recordType: String, by actor: Actor, includeDeleted: Bool,
                                            on database: any Database) async throws -> M {
        try actor.require(.readRecords)
        guard let model = try await M.find(id, on: database),
              actor.canSee(confidentiality: Confidentiality(rawValue: model.confidentiality) ?? .restricted),
              model.deletedAt == nil || (includeDeleted && actor.can(.restoreRecords))
        else { throw DomainError.notFound(recordType) }
        return model
    }

    /// A query of the records the actor may see (deleted ones too when asked by someone who may restore them).
    static func visible<M: ConfidentialRecord>(_ type: M.Type, to actor: Actor, includeDeleted: Bool, on database: any Database) -> QueryBuilder<M> {
        var builder = M.query(on: database)
        // By column name, as every such model names them; `.null` renders IS NULL, where a bound nil would not.
        if !(includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(.path(["deleted_at"], schema: M.schema), .equal, .null) }
        if !actor.canSee(confidentiality: .restricted) {
            builder = builder.filter(.path(["confidentiality"], schema: M.schema), .notEqual, .bind(Confidentiality.restricted.rawValue))
        }
        return builder
    }
}
