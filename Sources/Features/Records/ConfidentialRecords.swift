import Domain
import FluentKit
import Foundation
import SQLKit
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

/// The same rule for statements written as rows (a list's "last contact", the open follow-ups, the network's
/// ties): the confidential record in `table` (a table or its alias; none for the statement's only table) is
/// live and, unless the reader may see restricted records, not restricted.
struct VisibleConfidentialRow: SQLExpression {
    var table: String?
    var seesRestricted: Bool

    init(in table: String? = nil, seesRestricted: Bool) {
        self.table = table
        self.seesRestricted = seesRestricted
    }

    init(in table: String? = nil, to actor: Actor) {
        self.init(in: table, seesRestricted: actor.canSee(confidentiality: .restricted))
    }

    func serialize(to serializer: inout SQLSerializer) {
        func column(_ name: String) -> SQLColumn { table.map { SQLColumn(name, table: $0) } ?? SQLColumn(name) }
        let live = SQLBinaryExpression(column("deleted_at"), .is, SQLLiteral.null)
        guard !seesRestricted else { return live.serialize(to: &serializer) }
        SQLBinaryExpression(live, .and, SQLBinaryExpression(column("confidentiality"), .notEqual, SQLBind(Confidentiality.restricted.rawValue)))
            .serialize(to: &serializer)
    }
}
