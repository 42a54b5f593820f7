import FluentKit
import Foundation
import Storage

/// Field visits, working groups and who does what where: hundreds each, read through their own use cases,
/// which leave out what the reader may not see (restricted groups; restricted people in a delegation or a
/// group).
extension DatabaseExport {
    func visits(by actor: Actor, into out: JSONArrayFile) async throws {
        let visits = FieldVisits(database: database, language: language)
        for model in try await FieldVisitModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$startsOn).sort(\.$id).all() {
            try out.append(try await visits.record(model, by: actor))
        }
    }

    func workingGroups(by actor: Actor, into out: JSONArrayFile) async throws {
        let groups = WorkingGroups(database: database, language: language)
        for model in try await groups.visible(to: actor, includeDeleted: false).sort(\.$name).sort(\.$id).all() {
            try out.append(try await groups.record(model, by: actor))
        }
    }

    func coordination(by actor: Actor, into out: JSONArrayFile) async throws {
        for record in try await Coordination(database: database, language: language).all(Coordination.Query(), by: actor) {
            try out.append(record)
        }
    }
}
