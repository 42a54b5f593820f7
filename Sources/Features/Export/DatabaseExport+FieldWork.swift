import FluentKit
import Foundation
import Storage

/// Field visits and who does what where: hundreds each, read through their own use cases, which leave out
/// what the reader may not see (restricted people in a delegation).
extension DatabaseExport {
    func visits(by actor: Actor, into out: JSONArrayFile) async throws {
        let visits = FieldVisits(database: database, language: language)
        for model in try await FieldVisitModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$startsOn).sort(\.$id).all() {
            try out.append(try await visits.record(model, by: actor))
        }
    }

    func coordination(by actor: Actor, into out: JSONArrayFile) async throws {
        for record in try await Coordination(database: database, language: language).all(Coordination.Query(), by: actor) {
            try out.append(record)
        }
    }
}
