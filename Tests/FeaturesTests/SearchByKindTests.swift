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
                let byPrefix = try await search.hits(words, kind: kind, scope: scope, limit: 10, sql: db.sql).total
                let prefixes = try await SearchPrefixes.find(words, sql: db.sql)
                let byWord = try await search.hits(words, kind: kind, scope: scope, limit: 10, prefixes: prefixes, sql: db.sql).total
                #expect(byWord == byPrefix, "\(words) in \(kind)")
                return byWord
            }
            #expect(try await count(["harvest"], "engagement", open) == 5, "the restricted talks are not counted for an officer")
            #expect(try await count(["harvest"], "engagement", everything) == 6)
            #expect(try await count(["harvest"], "person", open) == 0, "a word of someone's notes finds them only for who may read notes")
            #expect(try await count(["harvest"], "person", everything) == 1)
            #expect(try await count(["harvest"], "organization", everything) == 0)
            #expect(try await count(["harv", "fa"], "engagement", open) == 5, "every word begins a word of the record")

            // Few enough to rank: the first of all that match, counted exactly.
            let ranked = try await search.hits(["harvest"], kind: "engagement", scope: everything, limit: 4, countLimit: 6, sql: db.sql)
            #expect(ranked.total == 6)
            #expect(ranked.ids.count == 4 && Set(ranked.ids).isSubset(of: Set(fairs + [restricted])))
            #expect(try await search.hits(["harvest", "talks"], kind: "engagement", scope: open, limit: 4, sql: db.sql) == Search.Hits(total: 0, ids: []))
            // Too many to rank: counted to one past the limit, the newest first, as on SQLite (the documents'
            // order, not their records' identities).
            let newest = try await search.hits(["harvest"], kind: "engagement", scope: everything, limit: 4, countLimit: 5, sql: db.sql)
            #expect(newest == Search.Hits(total: 6, ids: [restricted] + fairs.reversed().prefix(3)))
            let newestOpen = try await search.hits(["harvest"], kind: "engagement", scope: open, limit: 10, countLimit: 3, sql: db.sql)
            #expect(newestOpen == Search.Hits(total: 4, ids: Array(fairs.reversed())), "the restricted talks are not among an officer's newest")
        }
    }

    /// A word with few matches shows the best of them; one with more than the count's limit, the newest.
    @Test func fewMatchesAreRankedAndManyAreTheNewest() async throws {
        try await withDatabase { db in
            // The oldest names the word three times, so it ranks first and is the last of the newest.
            var meetings: [UUID] = []
            for (month, title) in ["Cooperative day: cooperative to cooperative", "Cooperative meeting", "Cooperative visit"].enumerated() {
                let meeting = EngagementInput(kind: "meeting", title: title, start: "2023-0\(month + 1)-10T10:00", timeZone: "Europe/Belgrade")
                meetings.append(try await Engagements(database: db).create(meeting, by: .coordinator).id)
            }
            let search = Search(database: db)
            let open = Search.Scope(ceiling: 0, privateWords: false)
            let ranked = try await search.hits(["cooperative"], kind: "engagement", scope: open, limit: 1, sql: db.sql)
            #expect(ranked == Search.Hits(total: 3, ids: [meetings[0]]))
            let newest = try await search.hits(["cooperative"], kind: "engagement", scope: open, limit: 1, countLimit: 2, sql: db.sql)
            #expect(newest == Search.Hits(total: 3, ids: [meetings[2]]))
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
