import Domain
@testable import Features
import Foundation
import Storage
import Testing

/// Scenario 8 on either database: the search box finds a word in one kind of record without reading the
/// others, never where the reader may not look, and shows the newest first when too many match to rank.
@Suite("Search, kind by kind")
struct SearchByKindTests {
    @Test func aWordOfEngagementsFindsThemAloneAndTheNewestFirst() async throws {
        try await withDatabase { db in
            var fairs: [UUID] = []
            for month in 1 ... 5 {
                let fair = EngagementInput(kind: "meeting", title: "Harvest fair \(month)", start: "2023-0\(month)-10T10:00", timeZone: "Europe/Belgrade")
                fairs.append(try await Engagements(database: db).create(fair, by: .coordinator).id)
            }
            var talks = EngagementInput(kind: "meeting", title: "Harvest talks with the advisor", start: "2023-06-02T10:00", timeZone: "Europe/Belgrade")
            talks.confidentiality = "restricted"
            let restricted = try await Engagements(database: db).create(talks, by: .coordinator).id
            var farmer = PersonInput(name: "Drita Gashi")
            farmer.notes = "Runs the harvest cooperative."
            _ = try await People(database: db).create(farmer, by: .coordinator)

            let search = Search(database: db)
            let open = Search.Scope(ceiling: 0, privateWords: false)
            let everything = Search.Scope(ceiling: 1, privateWords: true)
            // The search names the words its words begin (`SearchPrefixes`); it must count as the prefixes do.
            func count(_ words: [String], _ kind: String, _ scope: Search.Scope) async throws -> Int {
                let byPrefix = try await search.counts(words, kinds: [kind, "place"], scope: scope, sql: db.sql)[kind] ?? -1
                let prefixes = try await SearchPrefixes.find(words, sql: db.sql)
                let byWord = try await search.counts(words, kinds: [kind, "place"], scope: scope, prefixes: prefixes, sql: db.sql)[kind] ?? -1
                #expect(byWord == byPrefix, "\(words) in \(kind)")
                return byWord
            }
            #expect(try await count(["harvest"], "engagement", open) == 5, "the restricted talks are not counted for an officer")
            #expect(try await count(["harvest"], "engagement", everything) == 6)
            #expect(try await count(["harvest"], "person", open) == 0, "a word of someone's notes finds them only for who may read notes")
            #expect(try await count(["harvest"], "person", everything) == 1)
            #expect(try await count(["harvest"], "organization", everything) == 0)
            #expect(try await count(["harv", "fa"], "engagement", open) == 5, "every word begins a word of the record")

            // Too many to rank: the newest first, as on SQLite (the documents' order, not their records' identities).
            let newest = try await search.matches(["harvest"], kind: "engagement", scope: everything, limit: 4, ranked: false, sql: db.sql)
            #expect(newest == [restricted] + fairs.reversed().prefix(3))
            let ranked = try await search.matches(["harvest", "talks"], kind: "engagement", scope: open, limit: 4, ranked: true, sql: db.sql)
            #expect(ranked.isEmpty)
        }
    }

    /// The kinds are read at the same time; the page still lists them in one order, each with its own records.
    @Test func aWordFoundInSeveralKindsListsThemInTheSameOrderEveryTime() async throws {
        try await withDatabase { db in
            let visit = EngagementInput(kind: "meeting", title: "Visit to the Bregu family", start: "2023-03-10T10:00", timeZone: "Europe/Belgrade")
            let engagement = try await Engagements(database: db).create(visit, by: .coordinator).id
            let organization = try await Organizations(database: db).create(OrganizationInput(name: "Bregu Trade"), by: .coordinator).id
            let person = try await People(database: db).create(PersonInput(name: "Ilir Bregu"), by: .coordinator).id

            for _ in 1 ... 5 {
                let results = try await Search(database: db).run("bregu", by: .coordinator)
                #expect(results.groups.map(\.kind) == ["person", "organization", "engagement"])
                #expect(results.groups.map { $0.hits.map(\.id) } == [[person], [organization], [engagement]])
                #expect(results.groups.allSatisfy { group in group.hits.allSatisfy { $0.kind == group.kind } })
            }
        }
    }

    /// The code of a word is all that tells one kind's words from another's in the index.
    @Test func everyKindHasItsOwnCodes() {
        let codes = SearchDocuments.recordTypes.flatMap { kind in
            [false, true].flatMap { [SearchIndexSchema.code(kind: kind, restricted: $0), SearchIndexSchema.privateCode(kind: kind, restricted: $0)] }
        }
        #expect(Set(codes).count == SearchDocuments.recordTypes.count * 4)
    }
}
