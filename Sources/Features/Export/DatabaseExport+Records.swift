import FluentKit
import Foundation

/// Agreements, working groups, recommendations and context events are hundreds, not hundreds of
/// thousands: each goes through its own use case's read, which already leaves out what the reader may not
/// see inside it (restricted records; restricted people among parties and members).
extension DatabaseExport {
    /// Every live record of the kind the reader may see, in the order of `field` (then by id).
    func records<Kind: LocalizedRecordKind, Field: QueryableProperty>(_ kind: Kind.Type, by field: KeyPath<Kind.Model, Field>, actor: Actor,
                                                                     into out: JSONArrayFile) async throws
    where Kind.Model: ConfidentialRecord, Field.Model == Kind.Model, Kind.Record: Encodable {
        let records = Kind(database: database, language: language)
        for model in try await records.visible(to: actor, includeDeleted: false).sort(field).sort(.id).all() {
            try out.append(try await records.record(model, by: actor))
        }
    }
}
