import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Engagements as lists show them: from rows (timelines) or a model, with place and visit named in one query each.
extension Engagements {
    /// Engagements by identity that the actor may see, oldest first (for records that point at engagements).
    func summaries(ids: [UUID], by actor: Actor) async throws -> [EngagementSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try await visible(sql.select(), to: actor).columns(Self.summaryColumns.map { SQLColumn($0, table: EngagementModel.schema) })
            .where(SQLColumn("id", table: EngagementModel.schema), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("starts_at", table: EngagementModel.schema)).all()
        return try await summaries(rows)
    }

    static let summaryColumns = ["id", "kind", "title", "local_start", "time_zone", "starts_at", "place_id", "venue", "visit_id",
                                 "confidentiality", "topics", "deleted_at"]

    func summaries(_ rows: [any SQLRow]) async throws -> [EngagementSummary] {
        // Each column read once: on PostgreSQL every read looks the column up and picks its decoder again, and the
        // place, visit and kind were read twice (9 % of the server's time on the timeline went to these rows).
        let read = try rows.map { row in
            (summary: try Self.unnamedSummary(row), placeID: try row.decode(column: "place_id", as: UUID?.self),
             visitID: try row.decode(column: "visit_id", as: UUID?.self))
        }
        // Names for the rows, read at the same time (each a round trip on PostgreSQL).
        async let placesRead = Places(database: database, language: language).names(of: Array(Set(read.compactMap(\.placeID))))
        async let visitsRead = FieldVisits(database: database).titles(of: Array(Set(read.compactMap(\.visitID))))
        async let kindLabelsRead = EngagementKinds(database: database).addedLabels(of: Set(read.map(\.summary.kind)))
        let (places, visits, kindLabels) = try await (placesRead, visitsRead, kindLabelsRead)
        return read.map { row in
            var summary = row.summary
            summary.kindLabel = kindLabels[summary.kind]
            summary.place = row.placeID.flatMap { id in places[id].map { RecordRef(id: id, name: $0) } }
            summary.visit = row.visitID.flatMap { id in visits[id].map { RecordRef(id: id, name: $0) } }
            return summary
        }
    }

    /// A row of `summaryColumns` as a summary, before its place, visit and added kind are named.
    static func unnamedSummary(_ row: any SQLRow) throws -> EngagementSummary {
        EngagementSummary(
            id: try row.decode(column: "id", as: UUID.self),
            kind: try row.decode(column: "kind", as: String.self),
            kindLabel: nil,
            title: try row.decode(column: "title", as: String.self),
            start: try row.decode(column: "local_start", as: String.self),
            timeZone: try row.decode(column: "time_zone", as: String.self),
            startsAt: try row.decode(column: "starts_at", as: Date.self),
            place: nil,
            venue: try row.decode(column: "venue", as: String?.self),
            visit: nil,
            confidentiality: try row.decode(column: "confidentiality", rawValueOf: Confidentiality.self),
            topics: JSONList.decode(try row.decode(column: "topics", as: String.self)),
            isDeleted: !(try row.decodeNil(column: "deleted_at"))
        )
    }

    func summary(_ model: EngagementModel) async throws -> EngagementSummary {
        async let placeRead = model.placeID.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        async let visitRead = model.visitID.asyncMap { id in try await FieldVisits(database: database).titles(of: [id])[id].map { RecordRef(id: id, name: $0) } } ?? nil
        async let kindLabels = EngagementKinds(database: database).addedLabels(of: [model.kind])
        let (place, visit) = try await (placeRead, visitRead)
        return EngagementSummary(
            id: model.id!, kind: model.kind, kindLabel: try await kindLabels[model.kind], title: model.title, start: model.localStart,
            timeZone: model.timeZone, startsAt: model.startsAt, place: place, venue: model.venue, visit: visit,
            confidentiality: model.confidentiality, topics: JSONList.decode(model.topicsJSON),
            isDeleted: model.deletedAt != nil
        )
    }
}
