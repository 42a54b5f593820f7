import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Engagements for benchmarks: three per person in the registry, with two or three participants each
/// (300,000 engagements and 750,000 participations at 100,000 people), spread over 2019–2024 and the
/// registry's places; one in twenty is restricted. Multi-row inserts, in the caller's transaction.
struct ScaleEngagements {
    let sql: any SQLDatabase

    struct Summary { var engagements: Int; var participations: Int }

    func generate(count: Int, people: [UUID], places: [UUID], generator: inout SeededRandom, now: Date,
                  progress: @Sendable (String) -> Void) async throws -> Summary {
        guard !people.isEmpty else { return Summary(engagements: 0, participations: 0) }
        let zone = LocalStart.zone(named: "Europe/Belgrade")!
        let kinds = EngagementKind.allCases
        let topics = ["inclusion", "dialogue", "youth", "local government", "minority rights", "education", "housing", "language rights", "security"]
        let subjects = ["municipal councillors", "community leaders", "youth organisations", "the mayor's office", "women's associations",
                        "returnee families", "school directors", "local media", "religious leaders", "the police liaison"]
        var participations = 0
        var written = 0
        for batchStart in stride(from: 0, to: count, by: 400) {
            let size = min(400, count - batchStart)
            var engagements = sql.insert(into: EngagementModel.schema).columns(
                "id", "visit_id", "kind", "title", "starts_at", "local_start", "time_zone", "duration_minutes", "place_id", "venue", "topics",
                "summary", "outcomes", "decisions", "aggregate_only", "confidentiality", "created_at", "updated_at", "deleted_at", "version")
            var parts = sql.insert(into: ParticipationModel.schema)
                .columns("id", "engagement_id", "person_id", "part", "title", "local_start")
            var partCount = 0
            for _ in 0..<size {
                let id = UUID()
                let kind = kinds[generator.int(kinds.count)]
                let day = Day(year: 2019 + generator.int(6), month: 1 + generator.int(12), day: 1 + generator.int(28))!
                let start = LocalStart(day: day, hour: 8 + generator.int(11), minute: generator.chance(0.5) ? 0 : 30)!
                let restricted = generator.chance(0.05)
                engagements = engagements.values(
                    SQLBind(id), SQLLiteral.null, SQLBind(kind.rawValue), SQLBind("\(kind.rawValue.replacingOccurrences(of: "_", with: " ").capitalized) with \(generator.pick(subjects))"),
                    SQLBind(start.instant(in: zone)), SQLBind(start.description), SQLBind(zone.identifier), SQLBind(30 + 30 * generator.int(4)),
                    places.isEmpty ? SQLLiteral.null : SQLBind(generator.pick(places)), SQLLiteral.null,
                    SQLBind(JSONList.encode([generator.pick(topics)])), SQLLiteral.null,
                    SQLBind("Agreed next steps with \(generator.pick(subjects))."), SQLLiteral.null, SQLBind(false),
                    SQLBind(restricted ? Confidentiality.restricted.rawValue : (generator.chance(0.3) ? Confidentiality.public.rawValue : Confidentiality.internal.rawValue)),
                    SQLBind(now), SQLBind(now), SQLLiteral.null, SQLBind(1))
                // 2 or 3 participants, different people.
                var chosen = Set<Int>()
                let wanted = 2 + (generator.chance(0.5) ? 1 : 0)
                while chosen.count < min(wanted, people.count) { chosen.insert(generator.int(people.count)) }
                for (index, person) in chosen.enumerated() {
                    parts = parts.values(SQLBind(UUID()), SQLBind(id), SQLBind(people[person]),
                                         SQLBind(index == 0 ? ParticipantPart.host.rawValue : ParticipantPart.participant.rawValue), SQLLiteral.null,
                                         SQLBind(start.description))
                    partCount += 1
                }
            }
            try await engagements.run()
            try await parts.run()
            participations += partCount
            written += size
            if written % 50_000 == 0 { progress("\(written) engagements") }
        }
        return Summary(engagements: written, participations: participations)
    }
}
