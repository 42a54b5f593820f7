import Domain
import FluentKit
import Foundation
import Storage

/// Records that carry a confidentiality (engagements, context events, agreements, working groups,
/// recommendations): a restricted one is invisible — not forbidden — to roles that may not read restricted
/// records (`RecordKind.isVisible`), and a deleted one is seen only by those who may restore it.
public protocol ConfidentialRecord: SoftDeletable {
    var confidentiality: Confidentiality { get }
}

extension RecordKind where Model: ConfidentialRecord {
    /// A query of the records the actor may see (deleted ones too when asked by someone who may restore them).
    func visible(to actor: Actor, includeDeleted: Bool) -> QueryBuilder<Model> {
        var builder = Model.query(on: database)
        // By column name, as every such model names them; `.null` renders IS NULL, where a bound nil would not.
        if !(includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(.path(["deleted_at"], schema: Model.schema), .equal, .null) }
        if !actor.canSee(confidentiality: .restricted) {
            builder = builder.filter(.path(["confidentiality"], schema: Model.schema), .notEqual, .bind(Confidentiality.restricted))
        }
        return builder
    }
}
