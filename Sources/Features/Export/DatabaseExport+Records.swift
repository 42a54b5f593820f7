import FluentKit
import Foundation

/// Agreements, recommendations and context events are hundreds, not hundreds of thousands: each goes
/// through its own use case's read, which already leaves out what the reader may not see inside it.
extension DatabaseExport {
    func agreements(by actor: Actor, into out: JSONArrayFile) async throws {
        let registry = Agreements(database: database, language: language)
        for model in try await registry.visible(to: actor, includeDeleted: false).sort(\.$title).sort(\.$id).all() {
            try out.append(try await registry.record(model, by: actor))
        }
    }

    func recommendations(by actor: Actor, into out: JSONArrayFile) async throws {
        let registry = Recommendations(database: database, language: language)
        for model in try await registry.visible(to: actor, includeDeleted: false).sort(\.$title).sort(\.$id).all() {
            try out.append(try await registry.record(model, by: actor))
        }
    }

    func contextEvents(by actor: Actor, into out: JSONArrayFile) async throws {
        let registry = ContextEvents(database: database, language: language)
        for model in try await registry.visible(to: actor, includeDeleted: false).sort(\.$startsOn).sort(\.$id).all() {
            try out.append(try await registry.record(model, by: actor))
        }
    }
}
