import Domain
import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// A restricted person is invisible — not forbidden — to officers and viewers, on every path.
@Suite("Restricted people stay restricted on every path")
struct RestrictedPeopleTests {
    func signedIn(_ app: Application, _ role: Role) async throws -> (Browser, String) {
        let user = try await app.addUser("\(role.rawValue)@ico.example", role: role)
        let browser = Browser(app)
        try await browser.signIn(user.email)
        return (browser, try await app.token(for: user.email))
    }

    @Test(arguments: [Role.officer, .viewer])
    func invisibleToRolesThatMayNotReadThem(role: Role) async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (browser, token) = try await signedIn(app, role)
            let hidden = f.hidden.uuidString.lowercased()
            // lists and counts
            let list = try await browser.get("/people")
            #expect(list.text.contains("Emilija Redžepi"))
            #expect(!list.text.contains("Miloš"))
            #expect(list.text.contains("of 2"))
            // filters, by name in either script, by sensitivity, by community, by place
            for query in ["q=milos", "q=%D0%9C%D0%B8%D0%BB%D0%BE%D1%88", "sensitivity=restricted", "community=\(f.serb.uuidString)", "place=\(f.pristina.uuidString)"] {
                let filtered = try await browser.get("/people?\(query)")
                #expect(!filtered.text.contains("Miloš"), "\(query)")
            }
            // the page, its history, and editing it: not found, as if it did not exist
            #expect(try await browser.get("/people/\(hidden)").status == .notFound)
            #expect(try await browser.get("/people/\(hidden)/history").status == .notFound)
            #expect(try await browser.get("/people/\(hidden)/edit").status == (role == .viewer ? .forbidden : .notFound))
            // the organisation's people over time, and the place's people
            let org = try await browser.get("/organizations/\(f.dpmOffice.uuidString.lowercased())")
            #expect(org.text.contains("Emilija Redžepi"))
            #expect(!org.text.contains("Miloš") && !org.text.contains("Advisor"))
            let place = try await browser.get("/places/\(f.pristina.uuidString.lowercased())")
            #expect(place.text.contains("Emilija Redžepi") && !place.text.contains("Miloš"))
            // the API: list, count, get, history, positions
            let apiList = try await app.api(.GET, "/api/v1/people?perPage=200", token: token)
            #expect(!apiList.body.string.contains("Milo") && apiList.body.string.contains("\"total\":2"))
            #expect(try await app.api(.GET, "/api/v1/people/\(hidden)", token: token).status == .notFound)
            #expect(try await app.api(.GET, "/api/v1/people/\(hidden)/history", token: token).status == .notFound)
            let positions = try await app.api(.GET, "/api/v1/positions?organization=\(f.dpmOffice.uuidString)", token: token)
            #expect(positions.status == .ok && !positions.body.string.contains("Milo"))
            #expect(try await app.api(.GET, "/api/v1/positions/\(f.hiddenPosition.uuidString)", token: token).status == .notFound)
            let byPerson = try await app.api(.GET, "/api/v1/positions?person=\(hidden)", token: token)
            #expect(byPerson.body.string.contains("\"total\":0"))
        }
    }

    @Test func officersCannotMakeOrChangeRestrictedPeople() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (_, token) = try await signedIn(app, .officer)
            let create = try await app.api(.POST, "/api/v1/people", token: token, json: #"{"name":"Someone at risk","sensitivity":"restricted"}"#)
            #expect(create.status == .unprocessableEntity)
            #expect(create.body.string.contains("\"field\":\"sensitivity\""))
            let patch = try await app.api(.PATCH, "/api/v1/people/\(f.hidden.uuidString)", token: token, json: #"{"name":"X","version":1}"#)
            #expect(patch.status == .notFound)
            #expect(try await app.api(.DELETE, "/api/v1/people/\(f.hidden.uuidString)", token: token).status == .notFound)
            let position = try await app.api(.POST, "/api/v1/positions", token: token,
                                             json: #"{"personID":"\#(f.hidden.uuidString)","organizationID":"\#(f.dpmOffice.uuidString)","title":"X"}"#)
            #expect(position.status == .unprocessableEntity)
        }
    }

    @Test func coordinatorsSeeAndFindThem() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (browser, token) = try await signedIn(app, .coordinator)
            let list = try await browser.get("/people?q=%D0%9C%D0%B8%D0%BB%D0%BE%D1%88")
            #expect(list.text.contains("Miloš Jovanović"))
            #expect(list.text.contains("Restricted"))
            let page = try await browser.get("/people/\(f.hidden.uuidString.lowercased())")
            #expect(page.status == .ok && page.text.contains("Advisor"))
            let api = try await app.api(.GET, "/api/v1/people?sensitivity=restricted", token: token)
            #expect(api.body.string.contains("Miloš Jovanović") && api.body.string.contains("\"total\":1"))
        }
    }

    @Test func aPersonMadeRestrictedLeavesOfficersNameSearchesAtOnce() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (browser, token) = try await signedIn(app, .officer)
            #expect(try await browser.get("/people?q=bedri").text.contains("Bedri Hamza"))
            var input = PersonInput(name: "Bedri Hamza")
            input.sensitivity = "restricted"
            _ = try await People(database: app.db).update(f.hamza, input, expectedVersion: 1, by: .commandLine)
            let list = try await browser.get("/people?q=bedri")
            #expect(!list.text.contains("Bedri Hamza"))
            let api = try await app.api(.GET, "/api/v1/people?q=hamza", token: token)
            #expect(api.body.string.contains("\"total\":0"))
            input.sensitivity = "normal"
            _ = try await People(database: app.db).update(f.hamza, input, expectedVersion: 2, by: .commandLine)
            #expect(try await browser.get("/people?q=bedri").text.contains("Bedri Hamza"))
        }
    }
}
