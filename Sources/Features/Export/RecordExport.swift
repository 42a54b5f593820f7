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

    /// Names of the people the reader may see (for parties and the like).
    func visiblePeople(_ ids: [UUID], by actor: Actor) async throws -> [UUID: String] {
        try await People(database: database, language: language).visibleNames(ids, by: actor)
    }

    func organizationNames() async throws -> [UUID: String] {
        Dictionary(try await OrganizationModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// A JSON list of strings as "a; b; c".
    static func list(_ json: String) -> String { JSONList.decode(json).joined(separator: "; ") }

    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }
}
