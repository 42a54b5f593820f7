import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// The people list as people work with it: a table sorted by its headers, the ticked rows changed at once,
/// the list's filters saved under a name.
@Suite("The people list: sorting, ticked rows, saved filters")
struct PeopleListPageTests {
    /// Posts the list's bulk form as a browser sends it: one `id[]` for each ticked row.
    static func bulk(_ browser: Browser, ids: [UUID], _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
        let pairs = ids.map { ("id[]", $0.uuidString.lowercased()) } + fields + [(CSRFMiddleware.field, browser.csrf ?? "")]
        let body = pairs.map { "\(Browser.encode($0.0))=\(Browser.encode($0.1))" }.joined(separator: "&")
        return try await browser.send(.POST, "/people/bulk", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                      body: body)
    }

    @Test func theHeadersSortTheTableAndKeepTheFilters() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let viewer = try await app.addUser("viewer@ico.example", role: .viewer)
            let browser = Browser(app)
            try await browser.signIn(viewer.email)
            let byName = try await browser.get("/people").text
            #expect(byName.contains(#"<th scope="col" aria-sort="ascending">"#))
            #expect(byName.contains(#"href="/people?sort=-name&amp;page=1""#))
            let reversed = try await browser.get("/people?sort=-name").text
            #expect(reversed.contains(#"aria-sort="descending""#))
            let hamza = try #require(reversed.range(of: "Bedri Hamza")), redzepi = try #require(reversed.range(of: "Emilija Redžepi"))
            #expect(redzepi.lowerBound < hamza.lowerBound)
            // the other lists sort by their headers too: context events by title, either way
            let events = ContextEvents(database: app.db)
            for title in ["Boycott of the elections", "Clashes in Zvečan"] {
                _ = try await events.create(ContextEventInput(title: title, kind: "clash", severity: "high", startsOn: "2023-05-29"),
                                            by: .commandLine)
            }
            let byTitle = try await browser.get("/context?sort=-title").text
            #expect(byTitle.contains(#"aria-sort="descending""#))
            #expect(try #require(byTitle.range(of: ">Clashes in Zvečan</a>")).lowerBound < (try #require(byTitle.range(of: ">Boycott of the elections</a>"))).lowerBound)
        }
    }

    @Test func aCoordinatorSetsTheCommunityOfTickedPeopleAndComesBackToTheSameList() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            try await browser.signIn(coordinator.email)
            let list = try await browser.get("/people").text
            #expect(list.contains(#"form="bulk""#) && list.contains(#"action="/people/bulk""#))

            let done = try await Self.bulk(browser, ids: [f.redzepi, f.hamza],
                                           [("action", "community"), ("community", f.serb.uuidString), ("back", "q=a&page=2")])
            #expect(done.status == .seeOther)
            #expect(done.location == "/people?q=a")
            #expect(try await browser.get("/people?q=a").text.contains("Done: 2 people changed."))
            for id in [f.redzepi, f.hamza] {
                #expect(try await People(database: app.db).get(id, by: .commandLine).community?.id == f.serb)
            }

            // a way back that is not a list's query is not followed
            let odd = try await Self.bulk(browser, ids: [f.hamza], [("action", "community"), ("community", f.serb.uuidString),
                                                                   ("back", "q=a\r\nSet-Cookie: rt_session=x")])
            #expect(odd.location == "/people")

            // without a value the selection comes back, still ticked, the mistake beside its field
            let missing = try await Self.bulk(browser, ids: [f.redzepi], [("action", "place"), ("place", "")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Choose the value to set.") && missing.text.contains(#"aria-invalid="true""#))
            #expect(missing.text.contains(#"value="\#(f.redzepi.uuidString.lowercased())" checked"#))

            // without the form's token nothing happens
            let forged = try await browser.send(.POST, "/people/bulk", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                                                body: "id[]=\(f.hamza.uuidString)&action=delete&confirmed=1")
            #expect(forged.status == .forbidden)
        }
    }

    @Test func deletingTickedPeopleAsksOnceAndAViewerOnlyDownloadsThem() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let viewer = try await app.addUser("milos@ico.example", role: .viewer)
            let browser = Browser(app)
            try await browser.signIn(viewer.email)
            let csv = try await Self.bulk(browser, ids: [f.redzepi, f.hamza], [("action", "export")])
            #expect(csv.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("Emilija Redžepi") && csv.text.contains("Bedri Hamza"))
            #expect(try await Self.bulk(browser, ids: [f.hamza], [("action", "delete"), ("confirmed", "1")]).status == .unprocessableEntity)
            #expect(try await People(database: app.db).getLive(f.hamza, by: .commandLine).name == "Bedri Hamza")

            let writer = Browser(app)
            try await writer.signIn(officer.email)
            let confirm = try await Self.bulk(writer, ids: [f.redzepi, f.hamza], [("action", "delete")])
            #expect(confirm.status == .ok && confirm.text.contains("Delete 2 people?"))
            #expect(try await People(database: app.db).getLive(f.hamza, by: .commandLine).name == "Bedri Hamza")
            let deleted = try await Self.bulk(writer, ids: [f.redzepi, f.hamza], [("action", "delete"), ("confirmed", "1")])
            #expect(deleted.status == .seeOther)
            await #expect { _ = try await People(database: app.db).getLive(f.hamza, by: .commandLine) } throws: { _ in true }
        }
    }

    @Test func aFilteredListIsSavedUnderANameAndOpensAgainFromTheList() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(!(try await browser.get("/people").text.contains("Save these filters")))
            #expect(try await browser.get("/people?q=redzepi").text.contains("Save these filters"))

            let wrong = try await browser.post("/saved-filters", form: ["list": "people", "query": "q=redzepi&sort=name&page=3", "name": " "])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("This field is required."))
            let saved = try await browser.post("/saved-filters", form: ["list": "people", "query": "q=redzepi&sort=name&page=3",
                                                                        "name": "Ministers"])
            #expect(saved.location == "/people?q=redzepi&sort=name")
            let list = try await browser.get("/people").text
            #expect(list.contains(#"<a href="/people?q=redzepi&amp;sort=name">Ministers</a>"#))
            #expect(try await browser.post("/saved-filters", form: ["list": "audit", "query": "", "name": "x"]).status == .unprocessableEntity)

            // another user does not see it, nor can remove it
            let other = Browser(app)
            try await other.signIn(try await app.addUser("kubra@ico.example", role: .coordinator).email)
            #expect(!(try await other.get("/people").text.contains("Ministers")))
            let id = try #require(list.range(of: #"/saved-filters/([0-9a-f-]+)/delete"#, options: .regularExpression))
            #expect(try await other.post(String(list[id])).status == .notFound)
            #expect(try await browser.post(String(list[id])).status == .seeOther)
            #expect(!(try await browser.get("/people").text.contains("Ministers")))
        }
    }
}
