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
/// again. Deleted records, and the photo and document files themselves (photos are described in
/// `photos.json`), are not included: `roundtable backup` is the
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
    public static let files = ["people", "organizations", "places", "communities", "positions", "visits", "engagements", "agreements",
                               "working-groups", "recommendations", "context-events", "coordination", "assessments", "quotes",
                               "photos", "retention-decisions"].map { $0 + ".json" }

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
        try await file("visits.json") { try await visits(by: actor, into: $0) }
        try await file("engagements.json") { try await engagements(by: actor, into: $0) }
        try await file("agreements.json") { try await records(Agreements.self, by: \.$title, actor: actor, into: $0) }
        try await file("working-groups.json") { try await records(WorkingGroups.self, by: \.$name, actor: actor, into: $0) }
        try await file("recommendations.json") { try await records(Recommendations.self, by: \.$title, actor: actor, into: $0) }
        try await file("context-events.json") { try await records(ContextEvents.self, by: \.$startsOn, actor: actor, into: $0) }
        try await file("coordination.json") { try await coordination(by: actor, into: $0) }
        try await file("assessments.json") { try await assessments(by: actor, into: $0) }
        try await file("quotes.json") { try await quotes(by: actor, into: $0) }
        try await file("photos.json") { try await photos(by: actor, into: $0) }
        try await file("retention-decisions.json") { try await retentionDecisions(by: actor, into: $0) }

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
}
