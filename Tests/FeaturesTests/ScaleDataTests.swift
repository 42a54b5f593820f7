import Domain
@testable import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing

/// `roundtable demo --scale N`, the benchmarks' data, writes its rows around the use cases, many to a
/// statement; they must read back through the use cases as if those had written them, on SQLite and on
/// PostgreSQL: times, flags and identities stored as Fluent stores them, name words with their community.
@Suite("Benchmark data at scale")
struct ScaleDataTests {
    @Test func generatedPeopleAndEngagementsReadBackThroughTheUseCases() async throws {
        try await withDatabase { db in
            let everything = ReportPeriod(from: Day("2019-01-01")!, to: Day("2024-12-31")!)!
            let today = Day("2025-01-01")!
            _ = try await DemoRegistry(database: db).lookup()
            let before = try await PeriodReport.make(everything, database: db, language: "en", today: today, by: .coordinator).current.engagements

            let summary = try await ScaleData(database: db).generate(people: 200)
            #expect(summary.people == 200 && summary.organizations == 20 && summary.engagements == 600)
            #expect(summary.participations >= 1_200 && summary.participations <= 1_800)

            // Every engagement counted by the report, and an officer's count leaves the restricted ones out.
            let coordinator = try await PeriodReport.make(everything, database: db, language: "en", today: today, by: .coordinator).current
            #expect(coordinator.engagements - before == 600)
            let officer = try await PeriodReport.make(everything, database: db, language: "en", today: today, by: .officer).current
            #expect(officer.engagements < coordinator.engagements)

            // One engagement read whole: its start, its flag, its participants.
            let row = try #require(try await db.sql.raw("SELECT id FROM engagements WHERE outcomes LIKE 'Agreed next steps with%' LIMIT 1").first())
            let engagement = try await Engagements(database: db).get(try row.decode(column: "id", as: UUID.self), by: .coordinator)
            #expect((2019 ... 2024).contains(Day(String(engagement.summary.start.prefix(10)))!.year))
            #expect(abs(engagement.summary.startsAt.timeIntervalSince(LocalStart(engagement.summary.start)!.instant(in: LocalStart.zone(named: "Europe/Belgrade")!))) < 1,
                    "the instant stored agrees with the local start")
            #expect(!engagement.aggregateOnly && (2 ... 3).contains(engagement.participants.count))

            // A generated person found by a word of their name together with their community.
            let person = try await People(database: db).get(engagement.participants[0].person.id, by: .coordinator)
            var query = People.Query()
            query.text = person.name
            query.communityID = person.community?.id
            let found = try await People(database: db).list(query, by: .coordinator, today: today).items.map(\.id)
            #expect(found.contains(person.id))

            // An organisation read whole: its kind, level, place and the acronym kept as another name.
            let orgRow = try #require(try await db.sql.raw("SELECT id FROM organizations WHERE name LIKE '%“%' LIMIT 1").first())
            let organization = try await Organizations(database: db).get(try orgRow.decode(column: "id", as: UUID.self), by: .coordinator)
            #expect(organization.level != nil && organization.place != nil && organization.otherNames.count == 1 && organization.version == 1)

            // The search index built again in small batches, each after the last one's final identity: every
            // document written once, as before.
            func documents() async throws -> Int {
                try await db.sql.raw("SELECT COUNT(*) AS n FROM \(ident: SearchIndexSchema.documents)").first()!.decode(column: "n", as: Int.self)
            }
            let written = try await documents()
            try await SearchDocuments.rebuild(on: db, batch: 7)
            #expect(try await documents() == written && written > 800)
        }
    }
}
