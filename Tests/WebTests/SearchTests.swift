import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario 8: anything can be found from one search box — people, organisations, engagements and what was
/// written about them — in any script, with or without diacritics, and never what the reader may not see.
@Suite("One search box")
struct SearchTests {
    @Test func anySpellingFindsThePersonAndTheWordsWrittenAboutTheMeeting() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            var meeting = EngagementInput(kind: "meeting", title: "Councillors of the north", start: "2023-05-30T10:00", timeZone: "Europe/Belgrade")
            meeting.summary = "After the clashes in Zvečan the councillors asked for a joint forum."
            meeting.participants = [ParticipantInput(personID: f.redzepi)]
            _ = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            var secret = EngagementInput(kind: "meeting", title: "Quiet talk with the advisor", start: "2023-06-02T10:00", timeZone: "Europe/Belgrade")
            secret.summary = "He spoke about threats in Zvečan."
            secret.confidentiality = "restricted"
            _ = try await Engagements(database: app.db).create(secret, by: .commandLine)

            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/").text.contains("action=\"/search\""), "the box is in the header")
            for query in ["redzepi", "REDŽEPI", "Реџепи", "emil red"] {
                let page = try await browser.get("/search?q=" + query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
                #expect(page.status == .ok && page.text.contains("People (1)"), "\(query)")
                #expect(page.text.contains("<mark>Redžepi</mark>") || page.text.contains("<mark>Emilija</mark>"), "\(query)")
            }
            let zvecan = try await browser.get("/search?q=zvecan")
            #expect(zvecan.text.contains("Engagements (1)") && zvecan.text.contains("clashes in <mark>Zvečan</mark>"))
            #expect(!zvecan.text.contains("Quiet talk") && !zvecan.text.contains("threats"), "a restricted engagement is not matched for an officer")
            let hidden = try await browser.get("/search?q=jovanovic")
            #expect(hidden.text.contains("Nothing found") && !hidden.text.contains("Miloš"), "nor a restricted person, not even as a count")
            #expect(try await browser.get("/search?q=pristina").text.contains("Places (1)"))
            #expect(try await browser.get("/search?q=minority").text.contains("Organisations (1)"))

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let theirs = Browser(app)
            try await theirs.signIn(coordinator.email)
            #expect(try await theirs.get("/search?q=zvecan").text.contains("Engagements (2)"))
            #expect(try await theirs.get("/search?q=Милош").text.contains("<mark>Miloš</mark>"))

            // Kept up to date in the same transaction as the change.
            var renamed = PersonInput(name: "Bedri Hamza-Morina")
            renamed.notes = "Prefers meetings at the town hall."
            let version = try await People(database: app.db).get(f.hamza, by: .commandLine).version
            _ = try await People(database: app.db).update(f.hamza, renamed, expectedVersion: version, by: .commandLine)
            #expect(try await browser.get("/search?q=morina").text.contains("People (1)"))
            #expect(try await browser.get("/search?q=town%20hall").text.contains("at the <mark>town</mark> <mark>hall</mark>"))
            try await People(database: app.db).delete(f.hamza, expectedVersion: version + 1, by: .commandLine)
            #expect(try await browser.get("/search?q=morina").text.contains("Nothing found"))

            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/search?q=redzepi", token: token)
            #expect(api.status == .ok && api.body.string.contains("\"kind\":\"person\"") && api.body.string.contains("{\"match\":true,\"text\":\"Redžepi\"}"))
            #expect(try await app.api(.GET, "/api/v1/search?q=zvecan", token: token).body.string.contains("\"total\":1"))
            #expect(try await app.api(.GET, "/api/v1/search?q=", token: token).status == .unprocessableEntity)
            for spaces in ["%09", "%20", "%0A", "%C2%A0"] {
                let blank = try await app.api(.GET, "/api/v1/search?q=\(spaces)&kind=engagement", token: token)
                #expect(blank.status == .ok && blank.body.string.contains("\"groups\":[]"), "q=\(spaces) is a query that finds nothing")
            }
            #expect(try await app.api(.GET, "/api/v1/search?q=" + String(repeating: "a", count: 201), token: token).status == .unprocessableEntity)
            // 100 letters, each with a combining mark: 100 characters, 200 code points, then 202.
            let marked = String(repeating: "e%CC%81", count: 100)
            #expect(try await app.api(.GET, "/api/v1/search?q=" + marked, token: token).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/search?q=" + marked + "e%CC%81", token: token).status == .unprocessableEntity)
            #expect(try await app.api(.GET, "/api/v1/search?q=x&kind=users", token: token).status == .unprocessableEntity)
        }
    }
}
