import Domain
import FluentKit
import Foundation
import Storage
import ZIPFoundation

/// Everything the reader may see, as one zip of JSON files — one per kind of record, plus a manifest
/// saying when, by whom and with which role it was made — so an organisation can take its data elsewhere.
///
/// The same rule as every other read: restricted people, engagements, agreements and the like are left
/// out for roles that may not read them, and so are restricted people among participants, parties and
/// positions. Records point at each other by identity (`{"id": …, "name": …}`), so they can be linked up
/// again. Deleted records, photos and documents (files) are not included: `roundtable backup` is the
/// complete copy. Large kinds are read in pages and written to temporary files one record at a time.
public struct DatabaseExport: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public struct Manifest: Sendable, Equatable, Codable {
        public var format = "roundtable-export"
        public var formatVersion = 1
        public var exportedAt: Date
        /// The user's email, or "cli".
        public var exportedBy: String
        /// The role whose view this is ("command line" sees everything).
        public var role: String
        public var includesRestricted: Bool
        /// File name → number of records in it.
        public var counts: [String: Int]
    }

    /// The files in the zip, in the order they are written.
    public static let files = ["people", "organizations", "places", "communities", "positions", "engagements", "agreements",
                               "recommendations", "context-events"].map { $0 + ".json" }

    static let page = 2_000

    /// Writes the zip at `zip`, which must not exist yet.
    public func write(to zip: URL, by actor: Actor, now: Date = Date()) async throws -> Manifest {
        try actor.require(.readRecords)
        guard !FileManager.default.fileExists(atPath: zip.path) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: zip.path])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-export-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var counts: [String: Int] = [:]
        func file(_ name: String, _ fill: (JSONArrayFile) async throws -> Void) async throws {
            let out = try JSONArrayFile(url: folder.appendingPathComponent(name))
            try await fill(out)
            try out.close()
            counts[name] = out.count
        }
        try await file("people.json") { try await people(by: actor, into: $0) }
        try await file("organizations.json") { try await organizations(into: $0) }
        try await file("places.json") { try await places(into: $0) }
        try await file("communities.json") { out in for record in try await Communities(database: database, language: language).list(by: actor) { try out.append(record) } }
        try await file("positions.json") { try await positions(by: actor, into: $0) }
        try await file("engagements.json") { try await engagements(by: actor, into: $0) }
        try await file("agreements.json") { try await agreements(by: actor, into: $0) }
        try await file("recommendations.json") { try await recommendations(by: actor, into: $0) }
        try await file("context-events.json") { try await contextEvents(by: actor, into: $0) }

        let role: String
        switch actor.kind {
        case .user(_, let userRole): role = userRole.rawValue
        case .commandLine: role = "command line"
        case .anonymous: role = "anonymous"
        }
        let manifest = Manifest(exportedAt: now, exportedBy: actor.label, role: role, includesRestricted: actor.canSee(.restricted), counts: counts)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(manifest).write(to: folder.appendingPathComponent("manifest.json"))

        do {
            let archive = try Archive(url: zip, accessMode: .create)
            for name in ["manifest.json"] + Self.files {
                try archive.addEntry(with: name, fileURL: folder.appendingPathComponent(name), compressionMethod: .deflate)
            }
        } catch {
            try? FileManager.default.removeItem(at: zip)
            throw error
        }
        return manifest
    }

    // MARK: Kinds

    func people(by actor: Actor, into out: JSONArrayFile) async throws {
        let communities = Dictionary(try await CommunityModel.query(on: database).all().map { ($0.id!, RecordRef(id: $0.id!, name: $0.name)) },
                                     uniquingKeysWith: { first, _ in first })
        let places = try await placeRefs()
        var offset = 0
        while true {
            let models = try await People(database: database, language: language).visible(to: actor).filter(\.$deletedAt == nil)
                .sort(\.$sortName).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models {
                try out.append(model.record(community: model.$community.id.flatMap { communities[$0] }, place: model.$place.id.flatMap { places[$0] }))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    func organizations(into out: JSONArrayFile) async throws {
        let names = Dictionary(try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).all().map { ($0.id!, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let places = try await placeRefs()
        var offset = 0
        while true {
            let models = try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$sortName).sort(\.$id)
                .range(offset..<(offset + Self.page)).all()
            for model in models {
                try out.append(OrganizationRecord(
                    id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind.rawValue, level: model.level?.rawValue,
                    parent: model.$parent.id.flatMap { id in names[id].map { RecordRef(id: id, name: $0) } },
                    place: model.$place.id.flatMap { places[$0] }, website: model.website, notes: model.notes,
                    createdAt: model.createdAt, updatedAt: model.updatedAt, deletedAt: nil, version: model.version
                ))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    func places(into out: JSONArrayFile) async throws {
        let registry = Places(database: database, language: language)
        let models = try await PlaceModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$sortName).sort(\.$id).all()
        let names = try await registry.namesByLanguage(of: models.compactMap(\.id))
        for model in models { try out.append(registry.record(model, names: names)) }
    }

    func positions(by actor: Actor, into out: JSONArrayFile) async throws {
        let registry = Positions(database: database)
        var offset = 0
        while true {
            let models = try await registry.visible(PositionModel.query(on: database), to: actor)
                .sort(\.$createdAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models { try out.append(try Positions.record(model)) }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    /// An engagement as exported: what its page shows, with identities to link it up again.
    struct ExportedEngagement: Encodable {
        struct Participant: Encodable { var person: RecordRef; var part: ParticipantPart; var title: String? }
        struct FollowUp: Encodable { var id: UUID; var text: String; var ownerUserID: UUID?; var dueOn: Day?; var status: FollowUpStatus }
        var id: UUID
        var kind: String
        var title: String
        var start: String
        var timeZone: String
        var startsAt: Date
        var durationMinutes: Int?
        var place: RecordRef?
        var venue: String?
        var visit: RecordRef?
        var confidentiality: Confidentiality
        var topics: [String]
        var aggregateOnly: Bool
        var notes: String?
        var outcomes: String?
        var decisions: String?
        var hosts: [RecordRef]
        var partners: [RecordRef]
        var participants: [Participant]
        var headCounts: [HeadCount]
        var followUps: [FollowUp]
        var createdAt: Date
        var updatedAt: Date
        var version: Int
    }

    func engagements(by actor: Actor, into out: JSONArrayFile) async throws {
        let places = try await placeRefs()
        let visits = Dictionary(try await FieldVisitModel.query(on: database).all().map { ($0.id!, RecordRef(id: $0.id!, name: $0.title)) },
                                uniquingKeysWith: { first, _ in first })
        let organizations = Dictionary(try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).all().map { ($0.id!, $0.name) },
                                       uniquingKeysWith: { first, _ in first })
        let export = RecordExport(database: database, language: language)
        var offset = 0
        while true {
            var query = EngagementModel.query(on: database).filter(\.$deletedAt == .null)
            if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
            let models = try await query.sort(\.$startsAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            let ids = models.compactMap(\.id)
            var participants: [UUID: [ExportedEngagement.Participant]] = [:], hosts: [UUID: [RecordRef]] = [:], partners: [UUID: [RecordRef]] = [:]
            var counts: [UUID: [HeadCount]] = [:], followUps: [UUID: [ExportedEngagement.FollowUp]] = [:]
            if !ids.isEmpty {
                let parts = try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all()
                // Restricted people are left out of the participants of the engagements the reader does see.
                let people = try await export.visiblePeople(Array(Set(parts.map(\.personID))), by: actor)
                for part in parts {
                    guard let name = people[part.personID] else { continue }
                    participants[part.engagementID, default: []].append(.init(person: RecordRef(id: part.personID, name: name), part: part.part, title: part.title))
                }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                    guard let name = organizations[link.organizationID] else { continue }
                    let ref = RecordRef(id: link.organizationID, name: name)
                    if link.role == .host { hosts[link.engagementID, default: []].append(ref) } else { partners[link.engagementID, default: []].append(ref) }
                }
                for row in try await HeadCountModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$position).all() {
                    counts[row.engagementID, default: []].append(HeadCount(category: row.category, count: row.count, atLeast: row.atLeast,
                                                                           byGender: Engagements.decodeCounts(row.byGenderJSON),
                                                                           byCommunity: Engagements.decodeCounts(row.byCommunityJSON)))
                }
                for row in try await FollowUpModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$createdAt).all() {
                    followUps[row.engagementID, default: []].append(.init(id: row.id!, text: row.text, ownerUserID: row.ownerID, dueOn: row.dueOn, status: row.status))
                }
            }
            for model in models {
                let id = model.id!
                try out.append(ExportedEngagement(
                    id: id, kind: model.kind, title: model.title, start: model.localStart, timeZone: model.timeZone, startsAt: model.startsAt,
                    durationMinutes: model.durationMinutes, place: model.placeID.flatMap { places[$0] }, venue: model.venue,
                    visit: model.visitID.flatMap { visits[$0] }, confidentiality: model.confidentiality, topics: JSONList.decode(model.topicsJSON),
                    aggregateOnly: model.aggregateOnly, notes: model.summary, outcomes: model.outcomes, decisions: model.decisions,
                    hosts: hosts[id] ?? [], partners: partners[id] ?? [], participants: participants[id] ?? [], headCounts: counts[id] ?? [],
                    followUps: followUps[id] ?? [], createdAt: model.createdAt, updatedAt: model.updatedAt, version: model.version
                ))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    // Agreements, recommendations and context events are hundreds, not hundreds of thousands: each goes
    // through its own use case's read, which already leaves out what the reader may not see inside it.

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

    func placeRefs() async throws -> [UUID: RecordRef] {
        let names = try await RecordExport(database: database, language: language).places()
        return Dictionary(uniqueKeysWithValues: names.map { ($0.key, RecordRef(id: $0.key, name: $0.value)) })
    }
}
