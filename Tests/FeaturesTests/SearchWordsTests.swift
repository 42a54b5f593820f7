import Domain
@testable import Features
import Foundation
import SQLKit
import Storage
import Testing

/// The search names the words its words begin, from a list of the index's words kept beside it (`SearchWords`,
/// `SearchPrefixes`): the list must hold what the index itself holds (FTS5's vocabulary, PostgreSQL's vectors),
/// a search must find the same records through it as through prefixes, and an erased person's words leave it.
@Suite("Search, by the words a prefix begins")
struct SearchWordsTests {
    /// The pairs the list holds, and the terms the index itself holds, as "code+word" strings.
    func listed(_ sql: any SQLDatabase) async throws -> Set<String> {
        Set(try await sql.raw("SELECT code || word AS term FROM search_words").all().map { try $0.decode(column: "term", as: String.self) })
    }

    func indexed(_ sql: any SQLDatabase) async throws -> Set<String> {
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT term FROM temp.test_vocabulary"
            : "SELECT DISTINCT lexeme AS term FROM search_documents, unnest(tsv) AS t (lexeme, positions, weights)"
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocabulary USING fts5vocab(main, search_fts, 'row')").run()
        }
        return Set(try await sql.raw(query).all().map { try $0.decode(column: "term", as: String.self) })
    }

    /// Each word's count of documents as the list keeps it, and as the index itself holds it, as "code+word"
    /// strings (a word no document holds any more stays in the list with nothing to count).
    func counted(_ sql: any SQLDatabase) async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await sql.raw("SELECT code || word AS term, documents FROM search_words WHERE documents <> 0").all().map {
            (try $0.decode(column: "term", as: String.self), try $0.decode(column: "documents", as: Int.self))
        })
    }

    func indexedCounts(_ sql: any SQLDatabase) async throws -> [String: Int] {
        let query: SQLQueryString = sql.dialect.name == "sqlite"
            ? "SELECT term, doc AS documents FROM temp.test_vocabulary WHERE length(term) > 3"
            : "SELECT lexeme AS term, count(*) AS documents FROM search_documents, unnest(tsv) AS t (lexeme, positions, weights) WHERE length(lexeme) > 3 GROUP BY lexeme"
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_vocabulary USING fts5vocab(main, search_fts, 'row')").run()
        }
        return Dictionary(uniqueKeysWithValues: try await sql.raw(query).all().map {
            (try $0.decode(column: "term", as: String.self), try $0.decode(column: "documents", as: Int.self))
        })
    }

    @Test func eachWordCountsTheDocumentsHoldingItThroughEveryKindOfChange() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            func check(_ step: String) async throws {
                #expect(try await counted(db.sql) == (try await indexedCounts(db.sql)), "after \(step)")
            }
            var vesna = PersonInput(name: "Vesna Реџепи")
            vesna.otherNames = ["Vesna Redžepi", "Vesna Redžepi"]
            vesna.notes = "Vesna lives near the bridge."
            vesna.sensitivity = "restricted"
            let restricted = try await people.create(vesna, by: .coordinator)
            let other = try await people.create(PersonInput(name: "Vesna Stojanović"), by: .coordinator)
            var talk = EngagementInput(kind: "meeting", title: "Dialogue in Zvečan / Звечан", start: "2023-05-10T18:00", timeZone: "Europe/Belgrade")
            talk.summary = "Dialogue, dialogue and more dialogue."
            let engagement = try await Engagements(database: db).create(talk, by: .coordinator)
            try await check("the first records, a word written twice in one of them")

            vesna.name = "Vesna Krasniqi"
            vesna.sensitivity = "normal"
            _ = try await people.update(restricted.id, vesna, expectedVersion: restricted.version, by: .coordinator)
            try await check("a new name, and restricted no more: every word under another code")

            try await Engagements(database: db).delete(engagement.id, expectedVersion: engagement.version, by: .coordinator)
            try await check("a deleted engagement")
            _ = try await Engagements(database: db).restore(engagement.id, by: .coordinator)
            try await check("the engagement restored")

            let csv = "Name;Notes\nDrita Krasniqi;Met at the bridge\nVesna Stojanović;\n"
            let table = try Imports.table(Array(csv.utf8))
            let written = try await Imports(database: db).checkAndWrite(.people, table: table, mapping: .guess(header: table.header, kind: .people),
                                                                        decisions: ImportDecisions(forAll: .merge), fileName: "people.csv", by: .coordinator)
            #expect(written.result?.created == 1 && written.result?.merged == 1)
            try await check("an import: one new person, one merged into who was kept")

            _ = try await Erasure(database: db).erase(other.id, reason: "Asked in person", confirmName: "Vesna Stojanović", by: .commandLine)
            try await check("an erasure")

            let kept = try await counted(db.sql)
            try await SearchWords.refill(on: db)
            #expect(try await counted(db.sql) == kept, "filled again from the index, the counts are the same")
        }
    }

    @Test func aCommonNameSaysOneHundredPlusWithoutCountingAndCountsOnceAHundredAreLeft() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            var open: [PersonRecord] = []
            for number in 0 ... Search.countLimit {
                open.append(try await people.create(PersonInput(name: "Ilir\(number) Gashi"), by: .coordinator))
            }
            var hidden = PersonInput(name: "Ilir Gashi")
            hidden.sensitivity = "restricted"
            _ = try await people.create(hidden, by: .coordinator)

            let prefixes = try await SearchPrefixes.find(["gashi"], sql: db.sql)
            #expect(prefixes.matchesAtLeast(["gashi"], codes: Search.codes(kind: "person", scope: Search.Scope(ceiling: 0, privateWords: false)))
                == Search.countLimit + 1, "the open documents holding the word, which is all an officer may match")
            #expect(prefixes.matchesAtLeast(["gashi", "ilir"], codes: Search.codes(kind: "person", scope: Search.Scope(ceiling: 1, privateWords: true))) == 0,
                    "several words: their documents must hold them all, which no count of one says")

            let search = Search(database: db)
            let many = try await search.run("Gashi", by: .officer).groups.first
            #expect(many?.total == Search.countLimit && many?.totalIsAtLeast == true)
            #expect(many?.hits.map(\.id) == open.suffix(Search.perKind).reversed().map(\.id), "the newest, as when they were counted")

            let deleted = open.removeLast()
            try await people.delete(deleted.id, expectedVersion: deleted.version, by: .coordinator)
            let hundred = try await search.run("gashi", by: .officer).groups.first
            #expect(hundred?.total == Search.countLimit && hundred?.totalIsAtLeast == false, "a hundred left, counted one by one")
            #expect(hundred?.hits.contains { $0.id == deleted.id } == false)
            let coordinator = try await search.run("gashi", by: .coordinator).groups.first
            #expect(coordinator?.totalIsAtLeast == true, "a coordinator also matches the restricted one: 101")
        }
    }

    @Test func theListHoldsTheWordsTheIndexHoldsInEveryScriptAndSpelling() async throws {
        try await withDatabase { db in
            var vesna = PersonInput(name: "Vesna Реџепи")
            vesna.otherNames = ["Vesna Redžepi", "VESNA REDZEPI 2"]
            vesna.notes = "Lives near the bridge; speaks Albanian."
            vesna.sensitivity = "restricted"
            _ = try await People(database: db).create(vesna, by: .coordinator)
            var talk = EngagementInput(kind: "meeting", title: "Dialogue in Zvečan / Звечан", start: "2023-05-10T18:00", timeZone: "Europe/Belgrade")
            talk.summary = "Škola, općina, l'école — 12 participants."
            _ = try await Engagements(database: db).create(talk, by: .coordinator)

            let written = try await listed(db.sql)
            #expect(!written.isEmpty)
            #expect(written == (try await indexed(db.sql)), "what the writes list is what the index tokenised")
            try await SearchWords.refill(on: db)
            #expect(try await listed(db.sql) == written)
        }
    }

    @Test func aPrefixOfManyWordsStaysAPrefixAndFindsTheSame() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            for number in 0 ... SearchPrefixes.wordsLimit {
                _ = try await people.create(PersonInput(name: "Zana Zanafilla\(number)"), by: .coordinator)
            }
            let prefixes = try await SearchPrefixes.find(["zanafilla5", "zanafilla"], sql: db.sql)
            #expect(prefixes.words["zanafilla5"]??.map(\.word).sorted() == ["zanafilla5", "zanafilla50", "zanafilla51", "zanafilla52", "zanafilla53",
                                                                           "zanafilla54", "zanafilla55", "zanafilla56", "zanafilla57", "zanafilla58", "zanafilla59"])
            #expect(prefixes.words["zanafilla"] == .some(nil), "more words than the limit: left to FTS5")

            let search = Search(database: db)
            // Every one of them is found: counted past the search's own limit, then as the page shows it ("100+").
            let everything = Search.Scope(ceiling: 1, privateWords: true)
            #expect(try await search.hits(["zanafilla"], kind: "person", scope: everything, limit: 10, countLimit: 1_000, prefixes: prefixes,
                                          sql: db.sql).total == SearchPrefixes.wordsLimit + 1)
            let shown = try await search.run("zanafilla", by: .coordinator).groups.first
            #expect(shown?.total == Search.countLimit && shown?.totalIsAtLeast == true)
            #expect(try await search.run("zana zanafilla5", by: .coordinator).groups.first?.total == 11)
            #expect(try await search.run("zanafillax", by: .coordinator).groups.isEmpty, "a word nobody has finds nothing, without asking FTS5")
        }
    }

    @Test func anErasedPersonsWordsLeaveTheListAndTheWordsOthersShareStay() async throws {
        try await withDatabase { db in
            var vesna = PersonInput(name: "Vesna Unikatova")
            vesna.notes = "Treated for glaucoma."
            let erased = try await People(database: db).create(vesna, by: .coordinator).id
            _ = try await People(database: db).create(PersonInput(name: "Vesna Stojanović"), by: .coordinator)

            _ = try await Erasure(database: db).erase(erased, reason: "Asked in person", confirmName: "Vesna Unikatova", by: .commandLine)

            let words = Set(try await listed(db.sql).map { String($0.dropFirst(3)) })
            #expect(!words.contains("unikatova") && !words.contains("glaucoma"), "nothing of the erased person stays in the list")
            #expect(words.contains("vesna") && words.contains("stojanovic"), "what another record holds stays")
            #expect(try await listed(db.sql) == (try await indexed(db.sql)))
        }
    }
}
