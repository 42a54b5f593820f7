import Domain
import FluentKit
@testable import Features
import Foundation
import FluentPostgresDriver
import SQLKit
@testable import Storage
import Testing

/// The hot reads a builder assembles (a person's positions, the engagements with them, a record found by its
/// identity) are prepared once per connection on PostgreSQL and answer exactly as an ordinary statement does,
/// on either database, however often they run and whatever they are bound to.
@Suite("Prepared built queries")
struct PreparedSQLTests {
    @Test func aBuiltReadAnswersForEachRunsOwnValuesOnEitherDatabase() async throws {
        try await withDatabase { db in
            var users: [UserModel] = []
            for (email, name) in [("drita@ico.example", "Drita Gashi"), ("milan@ico.example", "Milan Jović"), ("ana@ico.example", "Ana Petrović")] {
                let user = UserModel(email: email, name: name, role: .officer, passwordHash: "-", now: Date())
                try await user.create(on: db)
                users.append(user)
            }
            // More than five runs of each text: PostgreSQL switches a prepared statement to a kept plan after five.
            for round in 0 ..< 8 {
                let user = users[round % users.count]
                let found = try await UserModel.findPrepared(user.id!, on: db)
                #expect(found?.email == user.email)
                #expect(found?.name == user.name)
                #expect(found?.role == .officer)

                // An identity list of any length is one text on PostgreSQL (`= ANY`), `IN (…)` on SQLite.
                let wanted = Array(users.prefix(round % users.count + 1))
                let rows = try await db.sql.select().column("email").from(UserModel.schema)
                    .where(SQLAnyOf(SQLColumn("id"), wanted.map { $0.id! })).orderBy("email").allPrepared()
                #expect(try rows.map { try $0.decode(column: "email", as: String.self) } == wanted.map(\.email).sorted())
            }
            #expect(try await UserModel.findPrepared(UUID(), on: db) == nil)
        }
    }

    @Test func aFoundPersonIsTheSameRecordFluentFindsWithTheirConsentHistory() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            var input = PersonInput(name: "Blerta Krasniqi")
            input.otherNames = ["Бљерта Красничи"]
            input.emails = ["blerta@example.org"]
            input.sensitivity = Sensitivity.restricted.rawValue
            input.lawfulBasis = LawfulBasis.consent.rawValue
            input.consent = [.stored: "yes", .quoted: "no"]
            input.consentObtainedOn = "2023-08-07"
            let created = try await people.create(input, by: .coordinator)
            let fluent = try #require(try await PersonModel.find(created.id, on: db))
            let prepared = try #require(try await PersonModel.findPrepared(created.id, on: db))
            #expect(try await people.record(prepared, by: .coordinator) == (try await people.record(fluent, by: .coordinator)))
            #expect(prepared.version == fluent.version && prepared.createdAt == fluent.createdAt && prepared.deletedAt == nil)

            // The page reads the consent history the same way: newest first, each statement as it was given.
            let page = try await people.page(created.id, by: .coordinator)
            #expect(page.consentHistory.count == 3)
            #expect(Set(page.consentHistory.map(\.subject)) == ["basis", "stored", "quoted"])
            #expect(page.consentHistory.allSatisfy { $0.obtainedOn == "2023-08-07" })
            await #expect { _ = try await people.page(created.id, by: .officer) } throws: { isNotFound($0) }

            // Found, it is a stored row: saving it again updates it rather than adding a second person.
            prepared.name = "Blerta Krasniqi-Gashi"
            try await prepared.save(on: db)
            #expect(try await PersonModel.query(on: db).count() == 1)
        }
    }

    /// The people list's reads by name are prepared: asked again and again, with a word that begins one name,
    /// several or none, as an officer and as a coordinator, each answer is that word's own, restricted people
    /// only for the coordinator, past PostgreSQL's switch to a kept plan.
    @Test func theNameFilterAnswersEachWordItsOwnPeopleRunAfterRun() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            for name in ["Arta Krasniqi", "Agon Krasniqi", "Drita Gashi", "Milan Jović", "Mila Jovanović"] {
                _ = try await people.create(PersonInput(name: name), by: .officer)
            }
            var hidden = PersonInput(name: "Blerim Krasniqi")
            hidden.sensitivity = Sensitivity.restricted.rawValue
            _ = try await people.create(hidden, by: .coordinator)
            let asked: [(String, Actor, [String])] = [
                ("krasniqi", .officer, ["Agon Krasniqi", "Arta Krasniqi"]),
                ("krasniqi", .coordinator, ["Agon Krasniqi", "Arta Krasniqi", "Blerim Krasniqi"]),
                ("jov", .officer, ["Mila Jovanović", "Milan Jović"]),
                ("gashi", .officer, ["Drita Gashi"]),
                ("mila", .officer, ["Mila Jovanović", "Milan Jović"]),
                ("zzz", .officer, []),
                ("arta krasniqi", .officer, ["Arta Krasniqi"]),
            ]
            for round in 0 ..< 3 {
                for (text, actor, expected) in asked {
                    var query = People.Query()
                    query.text = text
                    let page = try await people.list(query, by: actor, today: Day(utc: Date()))
                    #expect(page.items.map(\.name) == expected, "\(text) as \(actor), round \(round + 1)")
                    #expect(page.total == expected.count)
                }
            }
        }
    }

    @Test func eachTextAndTypesHaveOneNameUpToTheLimit() {
        let names = StatementNames(limit: 2)
        let first = names.name(for: "SELECT $1", types: [.text])
        #expect(first != nil)
        #expect(names.name(for: "SELECT $1", types: [.text]) == first, "the same text is the same statement")
        let asIdentity = names.name(for: "SELECT $1", types: [.uuid])
        #expect(asIdentity != nil && asIdentity != first, "bound to an identity, it is another statement")
        #expect(names.name(for: "SELECT 2", types: []) == nil, "past the limit a text runs as an ordinary statement")
        #expect(names.name(for: "SELECT $1", types: [.text]) == first, "texts named before the limit keep their names")
    }

    @Test func onlyValuesPostgresNIOBindsItselfArePrepared() throws {
        let bound = try #require(PreparedSQL.postgresBindings(["text", UUID(), 51, Date(), true, [UUID(), UUID()]]))
        #expect(bound.types == [.text, .uuid, .int8, .timestamptz, .bool, .uuidArray])
        #expect(PreparedSQL.postgresBindings([Confidentiality.restricted]) == nil,
                "a value SQLKit encodes through Codable takes the ordinary way, encoded as before")
    }
}
