import Domain
import FluentKit
import Foundation
import Storage

/// People (through the reader's role), organisations and places as rows.
extension RecordExport {
    /// The people list's selection as rows, the same columns as every person's.
    public func people(_ ids: [UUID], by actor: Actor) async throws -> [[String]] {
        try actor.require(.readRecords)
        return try await people(by: actor, only: ids)
    }

    func people(by actor: Actor, only ids: [UUID]? = nil) async throws -> [[String]] {
        var rows = [["id", "name", "other_names", "honorific", "gender", "community", "place", "languages", "emails", "phones",
                     "sensitivity", "lawful_basis", "consent_named_publicly", "consent_quoted", "consent_photographed", "notes", "updated_at"]]
        let communities = Dictionary(try await CommunityModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let placeNames = try await places()
        let hidden = try await FieldAccess.of(actor, on: database).hiddenColumns(of: rows[0])
        var offset = 0
        while true {
            var query = PersonModel.query(on: database).filter(\.$deletedAt == .null)
            if !actor.canSee(.restricted) { query = query.filter(\.$sensitivity == Sensitivity.normal) }
            if let ids { query = query.filter(\.$id ~~ ids) }
            let models = try await query.sort(\.$sortName).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models {
                rows.append(Self.blanking(hidden, in: [model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.honorific ?? "", model.gender?.rawValue ?? "",
                             model.$community.id.flatMap { communities[$0] } ?? "", model.$place.id.flatMap { placeNames[$0] } ?? "",
                             Self.list(model.languagesJSON), Self.list(model.emailsJSON), Self.list(model.phonesJSON), model.sensitivity.rawValue,
                             model.lawfulBasis.rawValue, model.consentNamed.rawValue, model.consentQuoted.rawValue,
                             model.consentPhotographed.rawValue, model.notes ?? "",
                             Self.timestamp(model.updatedAt)]))
            }
            if models.count < Self.page { return rows }
            offset += Self.page
        }
    }

    /// The row with the columns at these positions left empty.
    static func blanking(_ columns: Set<Int>, in row: [String]) -> [String] {
        columns.isEmpty ? row : row.enumerated().map { columns.contains($0.offset) ? "" : $0.element }
    }

    func organizations() async throws -> [[String]] {
        var rows = [["id", "name", "other_names", "kind", "level", "parent", "place", "website", "notes", "updated_at"]]
        let all = try await OrganizationModel.query(on: database).filter(\.$deletedAt == .null).sort(\.$sortName).all()
        let names = Dictionary(all.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let placeNames = try await places()
        for model in all {
            rows.append([model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.kind.rawValue, model.level?.rawValue ?? "",
                         model.$parent.id.flatMap { names[$0] } ?? "", model.$place.id.flatMap { placeNames[$0] } ?? "",
                         model.website ?? "", model.notes ?? "", Self.timestamp(model.updatedAt)])
        }
        return rows
    }

    func placeRows() async throws -> [[String]] {
        var rows = [["id", "kind", "name", "parent", "names_by_language", "latitude", "longitude"]]
        let models = try await PlaceModel.query(on: database).filter(\.$deletedAt == .null).sort(\.$sortName).all()
        let display = try await places()
        var spellings: [UUID: [String]] = [:]
        for name in try await PlaceNameModel.query(on: database).sort(\.$language).all() { spellings[name.$place.id, default: []].append("\(name.language): \(name.name)") }
        for model in models {
            let id = model.id!
            rows.append([id.uuidString, model.kind.rawValue, display[id] ?? "", model.$parent.id.flatMap { display[$0] } ?? "", (spellings[id] ?? []).joined(separator: "; "),
                         model.latitude.map { String($0) } ?? "", model.longitude.map { String($0) } ?? ""])
        }
        return rows
    }
}
