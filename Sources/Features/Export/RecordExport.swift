import Domain
import FluentKit
import Foundation
import Storage

/// Everything of one kind as spreadsheet rows, as the reader may see it: restricted people and engagements
/// are left out for roles that may not read them, and so are restricted people among an engagement's
/// participants. Deleted records are not exported. Read in pages, so 100,000 people do not sit in memory as models.
public struct RecordExport: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case people, organizations, places, engagements, agreements, recommendations
        case contextEvents = "context-events"
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
        case .places: return try await placeRows()
        case .agreements: return try await agreements(by: actor)
        case .recommendations: return try await recommendations(by: actor)
        case .contextEvents: return try await contextEvents(by: actor)
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
            if !actor.canSee(.restricted) { query = query.filter(\.$sensitivity == Sensitivity.normal) }
            let models = try await query.sort(\.$sortName).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models {
                rows.append([model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.honorific ?? "", model.gender?.rawValue ?? "",
                             model.$community.id.flatMap { communities[$0] } ?? "", model.$place.id.flatMap { placeNames[$0] } ?? "",
                             Self.list(model.languagesJSON), Self.list(model.emailsJSON), Self.list(model.phonesJSON), model.sensitivity.rawValue,
                             model.lawfulBasis.rawValue, model.consentNamed.rawValue, model.consentQuoted.rawValue,
                             model.consentPhotographed.rawValue, model.notes ?? "",
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
            rows.append([model.id!.uuidString, model.name, Self.list(model.otherNamesJSON), model.kind.rawValue, model.level?.rawValue ?? "",
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
            if !seesRestricted { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
            let models = try await query.sort(\.$startsAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            let ids = models.compactMap(\.id)
            var participants: [UUID: [String]] = [:], links: [UUID: [String]] = [:], counts: [UUID: [String]] = [:]
            if !ids.isEmpty {
                let parts = try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all()
                var people = PersonModel.query(on: database).filter(\.$id ~~ Array(Set(parts.map(\.personID)))).filter(\.$deletedAt == .null)
                if !seesRestricted { people = people.filter(\.$sensitivity == Sensitivity.normal) }
                let names = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
                for part in parts { if let name = names[part.personID] { participants[part.engagementID, default: []].append("\(name) (\(part.part.rawValue))") } }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                    if let name = organizations[link.organizationID] { links[link.engagementID, default: []].append("\(name) (\(link.role.rawValue))") }
                }
                for count in try await HeadCountModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$position).all() {
                    counts[count.engagementID, default: []].append("\(count.count)\(count.atLeast ? "+" : "") \(count.category)")
                }
            }
            for model in models {
                let id = model.id!
                rows.append([id.uuidString, model.kind, model.title, model.localStart, model.timeZone, model.placeID.flatMap { placeNames[$0] } ?? "",
                             model.venue ?? "", model.visitID.flatMap { visits[$0] } ?? "", model.confidentiality.rawValue, Self.list(model.topicsJSON),
                             (participants[id] ?? []).joined(separator: "; "), (links[id] ?? []).joined(separator: "; "),
                             (counts[id] ?? []).joined(separator: "; "), model.summary ?? "", model.outcomes ?? "", model.decisions ?? "",
                             Self.timestamp(model.updatedAt)])
            }
            if models.count < Self.page { return rows }
            offset += Self.page
        }
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

    /// Names of the people the reader may see (for parties and the like).
    func visiblePeople(_ ids: [UUID], by actor: Actor) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        var query = PersonModel.query(on: database).filter(\.$id ~~ ids).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { query = query.filter(\.$sensitivity == Sensitivity.normal) }
        return Dictionary(try await query.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func organizationNames() async throws -> [UUID: String] {
        Dictionary(try await OrganizationModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

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
        var targets: [UUID: [String]] = [:]
        for target in try await RecommendationTargetModel.query(on: database).filter(\.$recommendationID ~~ models.compactMap(\.id)).all() {
            if let name = organizations[target.organizationID] { targets[target.recommendationID, default: []].append(name) }
        }
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
        var placeNames: [UUID: [String]] = [:]
        for link in try await ContextEventPlaceModel.query(on: database).filter(\.$eventID ~~ models.compactMap(\.id)).all() {
            if let name = display[link.placeID] { placeNames[link.eventID, default: []].append(name) }
        }
        for model in models {
            let id = model.id!
            rows.append([id.uuidString, model.title, model.kind.rawValue, model.severity.rawValue, model.startsOn.description,
                         model.endsOn.description, (placeNames[id] ?? []).joined(separator: "; "),
                         model.confidentiality.rawValue, model.details ?? "", model.sourceURL ?? "", Self.timestamp(model.updatedAt)])
        }
        return rows
    }

    /// A JSON list of strings as "a; b; c".
    static func list(_ json: String) -> String { JSONList.decode(json).joined(separator: "; ") }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
