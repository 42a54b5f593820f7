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

    static let engagementColumns = [
        "id", "visit_id", "kind", "title", "starts_at", "local_start", "time_zone", "duration_minutes", "place_id", "venue", "topics",
        "summary", "outcomes", "decisions", "aggregate_only", "confidentiality", "created_at", "updated_at", "deleted_at", "version"]
    static let participationColumns = ["id", "engagement_id", "person_id", "part", "title", "local_start"]

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
        // Rows go through `BatchInsert` (SQLite's own values, no SQLKit binds): at a million people SQLKit's
        // binds were most of the generation's time. Time-ordered identities append to the identity index
        // instead of landing all over it.
        for batchStart in stride(from: 0, to: count, by: 2_000) {
            let size = min(2_000, count - batchStart)
            var engagements: [[BatchInsert.Value]] = [], parts: [[BatchInsert.Value]] = []
            engagements.reserveCapacity(size)
            parts.reserveCapacity(size * 3)
            for _ in 0..<size {
                let id = UUID.timeOrdered()
                let kind = kinds[generator.int(kinds.count)]
                let day = Day(year: 2019 + generator.int(6), month: 1 + generator.int(12), day: 1 + generator.int(28))!
                let start = LocalStart(day: day, hour: 8 + generator.int(11), minute: generator.chance(0.5) ? 0 : 30)!
                let restricted = generator.chance(0.05)
                engagements.append([
                    .uuid(id), .null, .text(kind.rawValue), .text("\(kind.rawValue.replacingOccurrences(of: "_", with: " ").capitalized) with \(generator.pick(subjects))"),
                    .date(start.instant(in: zone)), .text(start.description), .text(zone.identifier), .int(30 + 30 * generator.int(4)),
                    places.isEmpty ? .null : .uuid(generator.pick(places)), .null,
                    .text(JSONList.encode([generator.pick(topics)])), .null,
                    .text("Agreed next steps with \(generator.pick(subjects))."), .null, .bool(false),
                    .text(restricted ? Confidentiality.restricted.rawValue : (generator.chance(0.3) ? Confidentiality.public.rawValue : Confidentiality.internal.rawValue)),
                    .date(now), .date(now), .null, .int(1)])
                // 2 or 3 participants, different people.
                var chosen = Set<Int>()
                let wanted = 2 + (generator.chance(0.5) ? 1 : 0)
                while chosen.count < min(wanted, people.count) { chosen.insert(generator.int(people.count)) }
                for (index, person) in chosen.enumerated() {
                    parts.append([.uuid(UUID.timeOrdered()), .uuid(id), .uuid(people[person]),
                                  .text(index == 0 ? ParticipantPart.host.rawValue : ParticipantPart.participant.rawValue), .null,
                                  .text(start.description)])
                }
            }
            try await BatchInsert.insert(into: EngagementModel.schema, columns: Self.engagementColumns, rows: engagements, sql: sql)
            try await BatchInsert.insert(into: ParticipationModel.schema, columns: Self.participationColumns, rows: parts, sql: sql)
            participations += parts.count
            written += size
            if written % 50_000 == 0 { progress("\(written) engagements") }
        }
        return Summary(engagements: written, participations: participations)
    }
}
