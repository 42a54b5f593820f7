import Domain
import FluentKit
import Foundation
import Storage

/// Agreements (with their parties the reader may see), recommendations and context events as rows.
extension RecordExport {
    func agreements(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "kind", "title", "status", "signed_on", "valid_until", "confidentiality", "focus", "topics", "parties", "notes", "updated_at"]]
        var query = AgreementModel.query(on: database).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
        let models = try await query.sort(\.$title).all()
        let parties = try await AgreementPartyModel.query(on: database).filter(\.$agreementID ~~ models.compactMap(\.id)).all()
        let people = try await visiblePeople(Array(Set(parties.compactMap(\.personID))), by: actor)
        let organizations = try await organizationNames()
        var names: [UUID: [String]] = [:]
        for party in parties {
            guard let name = party.personID.flatMap({ people[$0] }) ?? party.organizationID.flatMap({ organizations[$0] }) else { continue }
            names[party.agreementID, default: []].append("\(name) (\(party.part.rawValue))")
        }
        for model in models {
            let id = model.id!
            rows.append([id.uuidString, model.kind.rawValue, model.title, model.status.rawValue, model.signedOn?.description ?? "",
                         model.validUntil?.description ?? "", model.confidentiality.rawValue,
                         model.focus ?? "", Self.list(model.topics), (names[id] ?? []).joined(separator: "; "), model.notes ?? "", Self.timestamp(model.updatedAt)])
        }
        return rows
    }

    func recommendations(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "title", "text", "level", "status", "addressed_to", "working_group", "confidentiality", "updated_at"]]
        var query = RecommendationModel.query(on: database).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
        let models = try await query.sort(\.$title).all()
        let organizations = try await organizationNames()
        let targets = try await RecommendationTargetModel.targets(of: models.compactMap(\.id), on: database)
            .mapValues { $0.compactMap { organizations[$0] } }
        var groups = WorkingGroupModel.query(on: database).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { groups = groups.filter(\.$confidentiality != Confidentiality.restricted) }
        let groupNames = Dictionary(try await groups.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        for model in models {
            let id = model.id!
            rows.append([id.uuidString, model.title, model.text ?? "", model.level?.rawValue ?? "", model.status.rawValue, (targets[id] ?? []).joined(separator: "; "),
                         model.workingGroupID.flatMap { groupNames[$0] } ?? "", model.confidentiality.rawValue, Self.timestamp(model.updatedAt)])
        }
        return rows
    }

    func contextEvents(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "title", "kind", "severity", "starts_on", "ends_on", "places", "confidentiality", "description", "source", "updated_at"]]
        var query = ContextEventModel.query(on: database).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
        let models = try await query.sort(\.$startsOn).all()
        let display = try await places()
        let placeNames = try await ContextEventPlaceModel.targets(of: models.compactMap(\.id), on: database)
            .mapValues { $0.compactMap { display[$0] } }
        for model in models {
            let id = model.id!
            rows.append([id.uuidString, model.title, model.kind.rawValue, model.severity.rawValue, model.startsOn.description,
                         model.endsOn.description, (placeNames[id] ?? []).joined(separator: "; "),
                         model.confidentiality.rawValue, model.details ?? "", model.sourceURL ?? "", Self.timestamp(model.updatedAt)])
        }
        return rows
    }
}
