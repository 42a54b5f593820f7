import Domain
import FluentKit
import Foundation
import Storage

/// Everything of one kind as spreadsheet rows, as the reader may see it: restricted people and engagements
/// are left out for roles that may not read them, and so are restricted people among an engagement's
/// participants. Deleted records are not exported. Read in pages, so 100,000 people do not sit in memory as models.
public struct RecordExport: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case people, organizations, engagements
    }

    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let page = 5_000

    public func rows(_ kind: Kind, by actor: Actor) async throws -> [[String]] {
        try actor.require(.readRecords)
        switch kind {
        case .people: return try await people(by: actor)
        case .organizations: return try await organizations()
        case .engagements: return try await engagements(by: actor)
        }
    }

    func places() async throws -> [UUID: String] {
        let ids = try await PlaceModel.query(on: database).all().compactMap(\.id)
        return try await Places(database: database, language: language).names(of: ids)
    }

    func people(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "name", "other_names", "honorific", "gender", "community", "place", "languages", "emails", "phones",
                     "sensitivity", "lawful_basis", "consent_named_publicly", "consent_quoted", "consent_photographed", "notes", "updated_at"]]
        let communities = Dictionary(try await CommunityModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let placeNames = try await places()
        var offset = 0
        while true {
            var query = PersonModel.query(on: database).filter(\.$deletedAt == .null)
            if !actor.canSee(.restricted) { query = query.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
            let models = try await query.sort(\.$sortName).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models {
                rows.append([model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.honorific ?? "", model.gender ?? "",
                             model.$community.id.flatMap { communities[$0] } ?? "", model.$place.id.flatMap { placeNames[$0] } ?? "",
                             Self.list(model.languagesJSON), Self.list(model.emailsJSON), Self.list(model.phonesJSON), model.sensitivity,
                             model.lawfulBasis, model.consentNamed, model.consentQuoted, model.consentPhotographed, model.notes ?? "",
                             Self.timestamp(model.updatedAt)])
            }
            if models.count < Self.page { return rows }
            offset += Self.page
        }
    }

    func organizations() async throws -> [[String]] {
        var rows = [["id", "name", "other_names", "kind", "level", "parent", "place", "website", "notes", "updated_at"]]
        let all = try await OrganizationModel.query(on: database).filter(\.$deletedAt == .null).sort(\.$sortName).all()
        let names = Dictionary(all.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let placeNames = try await places()
        for model in all {
            rows.append([model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.kind, model.level ?? "",
                         model.$parent.id.flatMap { names[$0] } ?? "", model.$place.id.flatMap { placeNames[$0] } ?? "",
                         model.website ?? "", model.notes ?? "", Self.timestamp(model.updatedAt)])
        }
        return rows
    }

    func engagements(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "kind", "title", "start", "time_zone", "place", "venue", "visit", "confidentiality", "topics",
                     "participants", "hosts_and_partners", "head_counts", "summary", "outcomes", "decisions", "updated_at"]]
        let placeNames = try await places()
        let visits = Dictionary(try await FieldVisitModel.query(on: database).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { first, _ in first })
        let organizations = Dictionary(try await OrganizationModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let seesRestricted = actor.canSee(.restricted)
        var offset = 0
        while true {
            var query = EngagementModel.query(on: database).filter(\.$deletedAt == .null)
            if !seesRestricted { query = query.filter(\.$confidentiality != Confidentiality.restricted.rawValue) }
            let models = try await query.sort(\.$startsAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            let ids = models.compactMap(\.id)
            var participants: [UUID: [String]] = [:], links: [UUID: [String]] = [:], counts: [UUID: [String]] = [:]
            if !ids.isEmpty {
                let parts = try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all()
                var people = PersonModel.query(on: database).filter(\.$id ~~ Array(Set(parts.map(\.personID)))).filter(\.$deletedAt == .null)
                if !seesRestricted { people = people.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
                let names = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
                for part in parts { if let name = names[part.personID] { participants[part.engagementID, default: []].append("\(name) (\(part.part))") } }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                    if let name = organizations[link.organizationID] { links[link.engagementID, default: []].append("\(name) (\(link.role))") }
                }
                for count in try await HeadCountModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$position).all() {
                    counts[count.engagementID, default: []].append("\(count.count)\(count.atLeast ? "+" : "") \(count.category)")
                }
            }
            for model in models {
                let id = model.id!
                rows.append([id.uuidString, model.kind, model.title, model.localStart, model.timeZone, model.placeID.flatMap { placeNames[$0] } ?? "",
                             model.venue ?? "", model.visitID.flatMap { visits[$0] } ?? "", model.confidentiality, Self.list(model.topicsJSON),
                             (participants[id] ?? []).joined(separator: "; "), (links[id] ?? []).joined(separator: "; "),
                             (counts[id] ?? []).joined(separator: "; "), model.summary ?? "", model.outcomes ?? "", model.decisions ?? "",
                             Self.timestamp(model.updatedAt)])
            }
            if models.count < Self.page { return rows }
            offset += Self.page
        }
    }

    /// A JSON list of strings as "a; b; c".
    static func list(_ json: String) -> String { JSONList.decode(json).joined(separator: "; ") }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
