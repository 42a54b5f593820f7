import Domain
@testable import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
@testable import Web

/// PostgreSQL's plans for the hot lists (issue 20): each list's first page comes straight from an index in
/// its order — no sort of every live row, no scan of the table. The test database is small, so the
/// planner is told to avoid both where it can (`enable_seqscan`, `enable_sort` off): a plan that still has
/// one has no index that could give the order, which is the regression this guards against.
@Suite("PostgreSQL: the hot lists' plans", .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true))
struct PostgresPlanTests {
    static func plan(_ query: any SQLExpression, analyze: Bool = false, on database: any Database) async throws -> String {
        try await database.transaction { tx in
            let sql = tx.sql
            try await sql.raw("SET LOCAL enable_seqscan = off").run()
            try await sql.raw("SET LOCAL enable_sort = off").run()
            let rows = try await sql.raw("EXPLAIN \(unsafeRaw: analyze ? "ANALYZE " : "")\(query)").all()
            return rows.map { (try? $0.decode(column: "QUERY PLAN", as: String.self)) ?? "" }.joined(separator: "\n")
        }
    }

    static func expectIndexOrder(_ plan: String, _ label: String) {
        #expect(!plan.contains("Sort"), "\(label) sorts:\n\(plan)")
        #expect(!plan.contains("Seq Scan"), "\(label) reads the whole table:\n\(plan)")
    }

    @Test func thePeopleListComesInIndexOrderForEveryRole() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let sql = app.db.sql
            let officer = Actor(kind: .user(id: UUID(), role: .officer), label: "officer")
            let coordinator = Actor(kind: .user(id: UUID(), role: .coordinator), label: "coordinator")
            for actor in [officer, coordinator] {
                let plain = PeopleListQuery(sql: sql, query: People.Query(), actor: actor).pageSelect()
                Self.expectIndexOrder(try await Self.plan(plain.select, on: app.db), "people list as \(actor.label)")
                var byCommunity = People.Query()
                byCommunity.communityID = f.serb
                let filtered = PeopleListQuery(sql: sql, query: byCommunity, actor: actor).pageSelect()
                Self.expectIndexOrder(try await Self.plan(filtered.select, on: app.db), "people of a community as \(actor.label)")
            }
        }
    }

    /// A name filter with a community is answered from the name words alone: their look-up index covers the
    /// community they carry, so neither the words' table nor the people are read.
    @Test func aNameAndACommunityAreReadFromTheNameIndexAlone() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let sql = app.db.sql
            var query = People.Query()
            query.text = "krasniqi"
            query.communityID = f.serb
            let list = PeopleListQuery(sql: sql, query: query, actor: Actor(kind: .user(id: UUID(), role: .officer), label: "officer"))
            let plan = try await Self.plan(list.indexMatches(sql.select().column("record_id")).select, on: app.db)
            #expect(plan.contains("Index Only Scan using \(NameTokens.lookupIndex)"), "\(plan)")
            #expect(!plan.contains("people"), "\(plan)")
        }
    }

    /// A common name's page, alone or with a community and however deep, is read from its word's rows in name
    /// order (M0044): neither its matches sorted nor every record walked in name order to reach them.
    @Test func aNamesPageIsReadFromItsWordsRowsInNameOrder() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let sql = app.db.sql
            for (community, sort) in [(nil, SortOrder.name), (f.serb, .name), (f.serb, .nameDescending)] {
                var query = People.Query()
                query.text = "krasniqi"
                query.communityID = community
                query.sort = sort
                let list = PeopleListQuery(sql: sql, query: query, actor: Actor(kind: .user(id: UUID(), role: .officer), label: "officer"))
                let plan = try await Self.plan(list.rows(of: "krasniqi").limit(51).offset(100).select, on: app.db)
                Self.expectIndexOrder(plan, "krasniqi, community \(community.map { "\($0)" } ?? "none"), \(sort)")
                #expect(plan.contains("Index Only Scan\(sort == .nameDescending ? " Backward" : "") using \(NameTokens.lookupIndex)"), "\(plan)")
            }
        }
    }

    /// The organisations list (Fluent's query, as `Organizations.list` sends it) and the engagements
    /// timeline, newest first.
    @Test func organisationsAndTheTimelineComeInIndexOrder() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let organizations = SQLRaw("SELECT * FROM organizations WHERE deleted_at IS NULL ORDER BY sort_name ASC, id ASC LIMIT 51 OFFSET 0")
            Self.expectIndexOrder(try await Self.plan(organizations, on: app.db), "organisations")
            let byKind = SQLRaw("SELECT * FROM organizations WHERE deleted_at IS NULL AND kind = 'ngo' ORDER BY sort_name ASC, id ASC LIMIT 51")
            Self.expectIndexOrder(try await Self.plan(byKind, on: app.db), "organisations of a kind")
            let timeline = SQLRaw("SELECT id FROM engagements WHERE deleted_at IS NULL ORDER BY starts_at DESC, id DESC LIMIT 51 OFFSET 0")
            Self.expectIndexOrder(try await Self.plan(timeline, on: app.db), "engagements timeline")
        }
    }
}

/// The search box on PostgreSQL reads one kind's words alone, as on SQLite (a word no person holds reads
/// no engagement to find that out), and a common word's newest matches come from the kind's own order.
@Suite("PostgreSQL: the search box's plans", .enabled(if: ProcessInfo.processInfo.environment["DATABASE_URL"]?.hasPrefix("postgres") == true))
struct PostgresSearchPlanTests {
    @Test func aKindIsSearchedThroughItsOwnWordsAndItsOwnOrder() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            for month in 1 ... 3 {
                let fair = EngagementInput(kind: "meeting", title: "Harvest fair \(month)", start: "2023-0\(month)-10T10:00", timeZone: "Europe/Belgrade")
                _ = try await Engagements(database: app.db).create(fair, by: .commandLine)
            }
            // Each word is in the vector with its kind's code, so one kind's query finds nothing of another's
            // in the index (and at scale reads none of it: docs/benchmarks.md).
            func documents(_ query: String) async throws -> Int {
                try await app.db.sql.raw("SELECT COUNT(*) AS n FROM search_documents WHERE tsv @@ to_tsquery('simple', \(bind: query))")
                    .first()!.decode(column: "n", as: Int.self)
            }
            #expect(try await documents("xeoharvest:*") == 3)
            #expect(try await documents("harvest:*") == 0)
            #expect(try await documents("xpoharvest:*") == 0)
            let officer = Search.Scope(ceiling: 0, privateWords: false)
            let newest = Search.newestQuery(["harvest"], kind: "engagement", scope: officer, limit: 10)
            let plan = try await PostgresPlanTests.plan(newest, on: app.db)
            #expect(plan.contains("Index Scan Backward using search_documents_kind_newest"), "\(plan)")
            // The statement the search sends counts through the words' index and, past the limit, takes the
            // newest from the same order.
            let hits = try await PostgresPlanTests.plan(Search.hitsQuery(["harvest"], kind: "engagement", scope: officer, limit: 10), on: app.db)
            #expect(hits.contains("Bitmap Index Scan on search_documents_tsv"), "\(hits)")
            #expect(hits.contains("Index Scan Backward using search_documents_kind_newest"), "\(hits)")
        }
    }
}
