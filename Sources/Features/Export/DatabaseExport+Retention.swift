import Domain
import FluentKit
import Foundation
import Storage

/// Decisions to keep people past the retention period, for those who may make them (`erasePeople`): an
/// organisation leaving with its record takes why it kept whom. Others get an empty file, as the review
/// list is not theirs; a person the reader may not see is left out.
extension DatabaseExport {
    struct ExportedRetentionDecision: Encodable {
        var id: UUID
        var person: RecordRef
        var reason: String
        var decidedAt: Date
        var decidedBy: String
    }

    func retentionDecisions(by actor: Actor, into out: JSONArrayFile) async throws {
        guard actor.can(.erasePeople) else { return }
        let decisions = try await RetentionDecisionModel.query(on: database).sort(\.$decidedAt).sort(\.$id).all()
        let names = try await People(database: database, language: language).visibleNames(decisions.map(\.personID), by: actor)
        for decision in decisions {
            guard let name = names[decision.personID] else { continue }
            try out.append(ExportedRetentionDecision(id: decision.id!, person: RecordRef(id: decision.personID, name: name), reason: decision.reason,
                                                     decidedAt: decision.decidedAt, decidedBy: decision.decidedBy))
        }
    }
}
