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
