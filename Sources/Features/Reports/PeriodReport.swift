import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// A period's figures beside the previous period's, optionally for one place and the places within it:
/// for donors and management (scenario 4), and behind the dashboard's charts.
public struct PeriodReport: Sendable, Equatable, Codable {
    public var current: PeriodFigures
    public var previous: PeriodFigures
    public var place: RecordRef?
    /// Labels of the kinds administrators added (built-in kinds are named by the catalogue).
    public var kindLabels: [String: String]

    /// - Parameter index: the server's long-lived index; without one, a fresh one is loaded for this report.
    public static func make(_ period: ReportPeriod, placeID: UUID? = nil, database: any Database, language: String,
                            today: Day, index: ReachIndex = ReachIndex(), by actor: Actor) async throws -> PeriodReport {
        try actor.require(.readRecords)
        // What does not depend on the place tree is read while the tree is.
        async let communityModels = CommunityModel.query(on: database).filter(\.$deletedAt == .null).all()
        async let kindModels = EngagementKindModel.query(on: database).all()
        let tree = try await PlaceTree.load(database)
        let placesFeature = Places(database: database, language: language)
        var place: RecordRef?
        if let placeID {
            guard tree.kind[placeID] != nil, let name = try await placesFeature.names(of: [placeID])[placeID] else {
                throw DomainError.invalid([FieldIssue(field: "place", "reference.unknown")])
            }
            place = RecordRef(id: placeID, name: name)
        }
        let municipalities = tree.ids.filter { tree.kind[$0] == .municipality }
        let municipalityNames = try await placesFeature.names(of: municipalities)
        var municipalityOf: [UUID: String] = [:]
        for id in tree.ids { if let municipality = tree.adminLevels(of: id).1 { municipalityOf[id] = municipalityNames[municipality] } }
        let communities = Dictionary(uniqueKeysWithValues: try await communityModels.map {
            ($0.id!, (name: $0.name, nonMajority: $0.status == .nonMajority))
        })
        let counter = PeriodCounter(sql: database.sql, database: database, seesRestricted: actor.can(.readRestricted),
                                    places: placeID.map { Array(tree.descendants(of: $0)) }, municipalityOf: municipalityOf,
                                    communities: communities, today: today, index: index)
        let figures = try await counter.figures([period, period.previous])
        let kindLabels = Dictionary(try await kindModels.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        return PeriodReport(current: figures[0], previous: figures[1], place: place, kindLabels: kindLabels)
    }
}
