import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Bulk synthetic data for benchmarks: N people, N/10 organisations and their positions, written with
/// multi-row inserts in one transaction (the use cases would take minutes at 100,000 people). One audit
/// entry records that it happened.
public struct ScaleData: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    static let organizationColumns = [
        "id", "name", "sort_name", "other_names", "kind", "level", "parent_id", "place_id", "website", "notes", "created_at", "updated_at", "deleted_at", "version"]
    static let personColumns = [
        "id", "name", "sort_name", "other_names", "honorific", "gender", "community_id", "place_id", "languages", "emails", "phones",
        "notes", "sensitivity", "lawful_basis", "consent_stored", "consent_named", "consent_quoted", "consent_photographed",
        "created_at", "updated_at", "deleted_at", "version"]
    static let positionColumns = ["id", "person_id", "organization_id", "title", "starts_on", "ends_on", "created_at", "updated_at", "deleted_at", "version"]

    public struct Summary: Sendable {
        public var people: Int
        public var organizations: Int
        public var positions: Int
        public var engagements = 0
        public var participations = 0
    }

    public func generate(people count: Int, seed: UInt64 = 2023, progress: @escaping @Sendable (String) -> Void = { _ in }) async throws -> Summary {
        let sql = database.sql
        let cast = try await DemoRegistry(database: database).lookup()
        var generator = SyntheticRegistry(seed: seed ^ UInt64(count))
        let orgCount = max(1, count / 10)
        let organizations = (0..<orgCount).map { generator.organization($0 + 1000) }
        let people = (0..<count).map { _ in generator.person() }
        let positions = generator.positions(people: count, organizations: orgCount)
        let now = Date()
        // Every table through `BatchInsert`: SQLite's own values rather than SQLKit's binds (see `ScaleEngagements`).
        let engaged: ScaleEngagements.Summary = try await database.transaction { tx in
            let sql = tx.sql
            let sqlite = sql.dialect.name == "sqlite"
            // As an import does (`PeopleImport.begin`): a page cache that holds the indexes being written in no
            // particular order (participations by person above all: 7,500,000 rows at a million people), and
            // the full-text index merged once at the end rather than as it grows.
            if sqlite {
                try await sql.raw("PRAGMA cache_size=-1048576").run()
                try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)").run()
            }
            for batch in organizations.chunked(2_000) {
                try await BatchInsert.insert(into: OrganizationModel.schema, columns: Self.organizationColumns, rows: batch.map { org in [
                    .uuid(org.id), .text(org.name), .text(NameFolding.fold(org.name)), .text(JSONList.encode(org.otherNames)),
                    .text(org.kind.rawValue), .text(org.level.rawValue), .null, .uuid(cast.places[org.place]), .null, .null,
                    .date(now), .date(now), .null, .int(1)]
                }, sql: sql)
                try await NameIndex.insert(batch.map { NameIndex.Entry(recordType: "organization", id: $0.id, names: [$0.name] + $0.otherNames, sortName: NameFolding.fold($0.name), visibility: .open) }, sql: sql)
            }
            progress("\(organizations.count) organisations")
            var written = 0
            for batch in people.chunked(2_000) {
                try await BatchInsert.insert(into: PersonModel.schema, columns: Self.personColumns, rows: batch.map { p in [
                    .uuid(p.id), .text(p.name), .text(NameFolding.fold(p.name)), .text(JSONList.encode(p.otherNames)), .text(p.honorific),
                    .text(p.gender.rawValue), .uuid(cast.communities[p.community]), .uuid(cast.places[p.place]), .text(JSONList.encode(p.languages)),
                    .text(JSONList.encode(p.email.map { [$0] } ?? [])), .text("[]"), .null, .text(p.sensitivity.rawValue),
                    .text(p.basis.rawValue), .text("yes"), .text(p.named.rawValue), .text(p.quoted.rawValue), .text(p.photographed.rawValue),
                    .date(now), .date(now), .null, .int(1)]
                }, sql: sql)
                try await NameIndex.insert(batch.map {
                    NameIndex.Entry(recordType: "person", id: $0.id, names: [$0.name] + $0.otherNames, sortName: NameFolding.fold($0.name),
                                    visibility: NameIndex.Visibility(sensitivity: $0.sensitivity, deleted: false),
                                    communityID: cast.communities[$0.community])
                }, sql: sql)
                written += batch.count
                if written % 10_000 == 0 { progress("\(written) people") }
            }
            for batch in positions.chunked(4_000) {
                try await BatchInsert.insert(into: PositionModel.schema, columns: Self.positionColumns, rows: batch.map { position in [
                    .uuid(UUID.timeOrdered()), .uuid(people[position.person].id), .uuid(organizations[position.organization].id),
                    .text(position.title), .text(position.startsOn), .text(position.endsOn), .date(now), .date(now), .null, .int(1)]
                }, sql: sql)
            }
            progress("\(positions.count) positions")
            // Three engagements a person, two or three participants each.
            var random = SeededRandom(seed: seed ^ 0xE6A6)
            let placeIDs = Array(Set(cast.places.values))
            let engaged = try await ScaleEngagements(sql: sql).generate(count: count * 3, people: people.map(\.id), places: placeIDs,
                                                                   generator: &random, now: now, progress: progress)
            progress("\(engaged.engagements) engagements, \(engaged.participations) participations")
            // The rows above were written around the use cases, so their search documents are written here.
            try await SearchDocuments.rebuild(on: tx, progress: progress)
            if sqlite {
                try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4)").run()
                try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('merge', 500)").run()
                try await sql.raw("PRAGMA cache_size=-32768").run()
            }
            try await AuditTrail.record(.create, by: .commandLine, recordType: "demo", recordID: nil,
                                        recordLabel: "synthetic registry: \(count) people, \(orgCount) organisations, \(positions.count) positions, \(engaged.engagements) engagements",
                                        at: now, on: tx)
            return engaged
        }
        // Statistics for the query planner, now that the tables are large.
        try await sql.raw("ANALYZE").run()
        return Summary(people: count, organizations: orgCount, positions: positions.count,
                       engagements: engaged.engagements, participations: engaged.participations)
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0 ..< Swift.min($0 + size, count)] }
    }
}
