import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("The registry: finding, adding, changing, deleting, restoring")
struct RegistryTests {
    @Test("any spelling finds Redžepi", arguments: ["redzepi", "REDŽEPI", "Реџепи", "emilija red", "Redžepi"])
    func filterBoxFolds(query: String) async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let viewer = try await app.addUser("viewer@ico.example", role: .viewer)
            let browser = Browser(app)
            try await browser.signIn(viewer.email)
            let page = try await browser.get("/people?q=\(Browser.encode(query))")
            #expect(page.text.contains("Emilija Redžepi"))
            #expect(!page.text.contains("Bedri Hamza"))
            let api = try await app.api(.GET, "/api/v1/people?q=\(Browser.encode(query))", token: app.token(for: viewer.email))
            #expect(api.body.string.contains("\"total\":1"))
        }
    }

    @Test func placesAreFoundAndNamedInAnyLanguage() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let token = try await app.token(for: app.addUser("viewer@ico.example", role: .viewer).email)
            let found = try await app.api(.GET, "/api/v1/places?q=mitrovica&lang=sr-Cyrl", token: token)
            #expect(found.body.string.contains("Јужна Митровица"))
            let inAlbanian = try await app.api(.GET, "/api/v1/places/\(f.mitrovica.uuidString)?lang=sq", token: token)
            #expect(inAlbanian.body.string.contains("\"name\":\"Mitrovicë e Jugut\""))
            let cyrillicQuery = try await app.api(.GET, "/api/v1/places?q=\(Browser.encode("приштина"))", token: token)
            #expect(cyrillicQuery.body.string.contains("\"total\":1"))
        }
    }

    @Test func filterMenusShowAPlaceOrCommunityAsSoonAsItChanges() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            // An officer: a viewer is offered no community filter (community is a sensitive field).
            let officer = try await app.addUser("officer@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let before = try await browser.get("/people")
            #expect(before.text.contains("Kosovo › Mitrovica South"))
            #expect(!before.text.contains("Zubin Potok"))
            // changed behind the server's back, as the command line or another server process would
            let places = Places(database: app.db)
            _ = try await places.create(PlaceInput(kind: "municipality", parentID: nil, names: ["en": "Zubin Potok"]), by: .commandLine)
            _ = try await places.update(f.mitrovica, PlaceInput(kind: "municipality", names: ["en": "Mitrovicë South"]), expectedVersion: 1, by: .commandLine)
            _ = try await Communities(database: app.db).update(f.serb, CommunityInput(name: "Kosovo Serb", status: "non_majority"), expectedVersion: 1, by: .commandLine)
            let after = try await browser.get("/people")
            #expect(after.text.contains(">Zubin Potok</option>"))
            #expect(after.text.contains("Mitrovicë South"))
            #expect(!after.text.contains("Mitrovica South"))
            #expect(after.text.contains(">Kosovo Serb</option>"))
        }
    }

    @Test func anOfficerAddsAPersonAndMistakesShowAtTheirFields() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let bad = try await browser.post("/people", form: ["name": "", "emails": "not-an-email", "languages": "english!", "consentObtainedOn": "yesterday"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"f-name-error\""))
            #expect(bad.text.contains("id=\"f-emails-error\""))
            #expect(bad.text.contains("id=\"f-languages-error\""))
            #expect(bad.text.contains("id=\"f-consentObtainedOn-error\""))
            #expect(bad.text.contains("not-an-email"))
            let good = try await browser.post("/people", form: [
                "name": "Valdete Idrizi", "emails": "valdete@cbm.example", "languages": "sq, sr-Latn, en", "lawfulBasis": "consent",
                "consent_named_publicly": "yes", "consent_quoted": "no", "consentObtainedOn": "2023-08-09", "consentMethod": "Signed form at the consortium",
            ])
            #expect(good.status == .seeOther)
            let page = try await browser.get(try #require(good.location))
            #expect(page.text.contains("Valdete Idrizi"))
            #expect(page.text.contains("Signed form at the consortium"))
            #expect(page.text.contains("9 August 2023"))
        }
    }

    @Test func consentChangesKeepTheirHistory() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let people = People(database: app.db)
            var input = PersonInput(name: "Bedri Hamza")
            input.placeID = f.mitrovica
            input.lawfulBasis = "public_role"
            input.consent = [.quoted: "yes"]
            input.consentObtainedOn = "2023-08-08"
            input.consentMethod = "Asked in person"
            _ = try await people.update(f.hamza, input, expectedVersion: 1, by: .commandLine)
            input.consent = [.quoted: "no"]
            input.consentObtainedOn = "2023-09-01"
            input.consentMethod = "Withdrawn by email"
            let person = try await people.update(f.hamza, input, expectedVersion: 2, by: .commandLine)
            #expect(person.answer(.quoted) == .no)
            let history = try await people.page(f.hamza, by: .commandLine).consentHistory
            // newest first; the first save changed the basis and one consent at once
            #expect(history.count == 3)
            #expect(history.first.map { [$0.subject, $0.value] } == ["quoted", "no"])
            #expect(Set(history.dropFirst().map { "\($0.subject)=\($0.value)" }) == ["basis=public_role", "quoted=yes"])
            #expect(history.first?.method == "Withdrawn by email")
        }
    }

    @Test func aStaleSaveShowsBothVersionsAndTheAPIRefusesIt() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            var theirs = PersonInput(name: "Bedri Hamza")
            theirs.notes = "Met on 8 August"
            theirs.placeID = f.mitrovica
            _ = try await People(database: app.db).update(f.hamza, theirs, expectedVersion: 1, by: .commandLine)
            let stale = try await browser.post("/people/\(f.hamza.uuidString.lowercased())", form: ["name": "Bedri Hamza (Mayor)", "version": "1"])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Someone else changed this record"))
            #expect(stale.text.contains("Met on 8 August"))
            #expect(stale.text.contains("value=\"Bedri Hamza (Mayor)\""))
            let token = try await app.token(for: officer.email)
            let path = "/api/v1/people/\(f.hamza.uuidString)"
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"notes":"x"}"#, headers: ["If-Match": "\"1\""]).status == .preconditionFailed)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"notes":"x","version":1}"#).status == .conflict)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"notes":"x"}"#).status == .preconditionRequired)
            let ok = try await app.api(.PATCH, path, token: token, json: #"{"notes":"Mayor since 2021"}"#, headers: ["If-Match": "\"2\""])
            #expect(ok.status == .ok && ok.headers.first(name: .eTag) == "\"3\"")
        }
    }

    @Test func deletedPeopleDisappearAndCoordinatorsRestoreThem() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            try await app.addUser("arta@ico.example", role: .officer)
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let officer = Browser(app)
            try await officer.signIn("arta@ico.example")
            let hamza = "/people/\(f.hamza.uuidString.lowercased())"
            let confirm = try await officer.get(hamza + "/delete")
            #expect(confirm.text.contains("Delete Bedri Hamza?"))
            #expect(try await officer.post(hamza + "/delete", form: ["version": "1"]).status == .seeOther)
            let list = try await officer.get("/people")
            #expect(list.text.contains("Bedri Hamza is deleted."))
            #expect(!list.text.contains("href=\"\(hamza)\""))
            #expect(try await officer.get(hamza).status == .notFound)
            #expect(!(try await officer.get("/people?q=hamza").text.contains("href=\"\(hamza)\"")))
            #expect(try await officer.post(hamza + "/restore").status == .forbidden)
            let coordinator = Browser(app)
            try await coordinator.signIn("kubra@ico.example")
            #expect(!(try await coordinator.get("/people?q=hamza").text.contains("href=\"\(hamza)\"")))
            #expect(try await coordinator.get("/people?deleted=1").text.contains("Bedri Hamza"))
            #expect(try await coordinator.get("/people?deleted=1&q=bedri%20hamza").text.contains("href=\"\(hamza)\""))
            #expect(try await coordinator.get(hamza).text.contains("This record is deleted"))
            #expect(try await coordinator.post(hamza + "/restore").status == .seeOther)
            #expect(try await officer.get("/people").text.contains("href=\"\(hamza)\""))
            #expect(try await officer.get("/people?q=hamza").text.contains("href=\"\(hamza)\""))
            let history = try await officer.get(hamza + "/history")
            #expect(history.text.contains("deleted") && history.text.contains("restored"))
        }
    }

    @Test func anOrganisationShowsItsPeopleOverTimeAndSubOrganisations() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            _ = try await Positions(database: app.db).create(PositionInput(personID: f.hamza, organizationID: f.dpmOffice, title: "Advisor",
                                                                           startsOn: "2019-01-01", endsOn: "2020-12-31"), by: .commandLine)
            try await app.addUser("milos@ico.example", role: .viewer)
            let browser = Browser(app)
            try await browser.signIn("milos@ico.example")
            let office = try await browser.get("/organizations/\(f.dpmOffice.uuidString.lowercased())")
            #expect(office.text.contains("Now") && office.text.contains("Emilija Redžepi"))
            #expect(office.text.contains("Before") && office.text.contains("Bedri Hamza") && office.text.contains("1 January 2019 – 31 December 2020"))
            #expect(office.text.contains("Government of Kosovo"))
            let government = try await browser.get("/organizations/\(f.government.uuidString.lowercased())")
            #expect(government.text.contains("Sub-organisations") && government.text.contains("Office of the Deputy Prime Minister"))
            let title = try await Positions(database: app.db).title(of: f.hamza, on: Day("2020-06-01")!, by: .commandLine)
            #expect(title?.title == "Advisor")
        }
    }

    @Test func aPlaceWithNothingInsideCanBeDeletedAndOneWithPlacesInsideCannot() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let token = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            let kosovo = try #require(try await Places(database: app.db).get(f.pristina, by: .commandLine).parent)
            #expect(try await app.api(.DELETE, "/api/v1/places/\(kosovo.id.uuidString)", token: token).status == .conflict)
            #expect(try await app.api(.DELETE, "/api/v1/places/\(f.mitrovica.uuidString)", token: token).status == .noContent)
            #expect(try await app.api(.GET, "/api/v1/places/\(f.mitrovica.uuidString)", token: token).status == .notFound)
            #expect(try await app.auditEntries(action: .delete).contains { $0.recordLabel == "Mitrovica South" })
        }
    }

    @Test func organisationsAreDeletedThroughTheAPIAndRestoredByCoordinators() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            let coordinator = try await app.token(for: app.addUser("kubra@ico.example", role: .coordinator).email)
            let path = "/api/v1/organizations/\(f.government.uuidString)"
            #expect(try await app.api(.DELETE, path, token: officer, headers: ["If-Match": "\"9\""]).status == .preconditionFailed)
            #expect(try await app.api(.DELETE, path, token: officer).status == .noContent)
            // One rule on every path: a deleted record is seen only by those who may restore it.
            #expect(try await app.api(.GET, path, token: officer).status == .notFound)
            let deleted = try await app.api(.GET, path, token: coordinator)
            #expect(deleted.status == .ok && deleted.body.string.contains("\"deletedAt\""))
            #expect(try await app.api(.POST, path + "/restore", token: officer).status == .forbidden)
            let restored = try await app.api(.POST, path + "/restore", token: coordinator)
            #expect(restored.status == .ok && restored.headers.first(name: .eTag) == "\"3\"")
            let history = try await app.api(.GET, path + "/history", token: officer)
            #expect(history.body.string.contains("\"delete\"") && history.body.string.contains("\"restore\""))
            // while deleted, the record and its history are gone from the API
            #expect(try await app.api(.DELETE, path, token: officer).status == .noContent)
            #expect(try await app.api(.GET, path + "/history", token: officer).status == .notFound)
        }
    }

    @Test func staleOrganisationAndPlaceFormsShowTheSavedVersion() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            var newer = OrganizationInput(name: "Government of the Republic of Kosovo")
            newer.kind = "government"
            _ = try await Organizations(database: app.db).update(f.government, newer, expectedVersion: 1, by: .commandLine)
            let org = try await browser.post("/organizations/\(f.government.uuidString.lowercased())", form: ["name": "Gov", "kind": "government", "version": "1"])
            #expect(org.status == .conflict && org.text.contains("Government of the Republic of Kosovo") && org.text.contains("value=\"Gov\""))
            let saved = try await browser.post("/organizations/\(f.government.uuidString.lowercased())", form: ["name": "Gov", "kind": "nope", "version": "2"])
            #expect(saved.status == .unprocessableEntity && saved.text.contains("id=\"f-kind-error\""))
            _ = try await Places(database: app.db).update(f.mitrovica, PlaceInput(kind: "municipality", names: ["en": "South Mitrovica"]), expectedVersion: 1, by: .commandLine)
            let place = try await browser.post("/places/\(f.mitrovica.uuidString.lowercased())", form: ["kind": "municipality", "language0": "en", "name0": "Mitrovica", "version": "1"])
            #expect(place.status == .conflict && place.text.contains("Someone else changed this record"))
            let ok = try await browser.post("/places/\(f.mitrovica.uuidString.lowercased())", form: ["kind": "municipality", "language0": "en", "name0": "Mitrovica", "version": "2"])
            #expect(ok.status == .seeOther)
        }
    }

    @Test func anOrganisationCannotBeInsideItself() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            var input = OrganizationInput(name: "Government of Kosovo")
            input.kind = "government"
            input.parentID = f.dpmOffice
            await #expect(throws: DomainError.invalid([FieldIssue(field: "parentID", "organization.parentCycle")])) {
                _ = try await Organizations(database: app.db).update(f.government, input, expectedVersion: 1, by: .commandLine)
            }
        }
    }

    @Test func communitiesAreDefinedByAdministrators() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let coordinator = try await app.token(for: app.addUser("kubra@ico.example", role: .coordinator).email)
            let admin = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            #expect(try await app.api(.POST, "/api/v1/communities", token: coordinator, json: #"{"name":"Gorani","status":"non_majority"}"#).status == .forbidden)
            #expect(try await app.api(.POST, "/api/v1/communities", token: admin, json: #"{"name":"Gorani","status":"non_majority"}"#).status == .created)
            #expect(try await app.api(.POST, "/api/v1/communities", token: admin, json: #"{"name":"Gorani","status":"majority"}"#).status == .conflict)
            #expect(try await app.api(.GET, "/api/v1/communities", token: coordinator).body.string.contains("Gorani"))
        }
    }

    @Test func theDemoHasTheSeedsCastWithTheirTitlesOnTheDay() async throws {
        try await withRoundtable { app in
            let cast = try await DemoRegistry(database: app.db).load()
            let positions = Positions(database: app.db)
            #expect(try await positions.title(of: cast.people["redzepi"]!, on: Day("2023-08-07")!, by: .commandLine)?.title
                    == "Deputy Prime Minister for Minority Issues and Human Rights")
            #expect(try await positions.title(of: cast.people["hamza"]!, on: Day("2023-08-08")!, by: .commandLine)?.title == "Mayor of Mitrovica South")
            #expect(try await positions.title(of: cast.people["hamza"]!, on: Day("2020-07-01")!, by: .commandLine)?.title == "Minister of Finance")
            #expect(try await positions.title(of: cast.people["power"]!, on: Day("2023-08-10")!, by: .commandLine)?.organization
                    == "Council of Europe Office in Pristina")
            let coe = try await Organizations(database: app.db).get(cast.organizations["coe-pristina"]!, by: .commandLine)
            #expect(coe.parent?.name == "Council of Europe")
            var query = Organizations.Query()
            query.text = "unmik"
            #expect(try await Organizations(database: app.db).list(query, by: .commandLine).items.map(\.name) == ["United Nations Interim Administration Mission in Kosovo"])
            let mitrovica = try await Places(database: app.db, language: "sr-Cyrl").get(cast.places["mitrovica-south"]!, by: .commandLine)
            #expect(mitrovica.name == "Јужна Митровица")
            #expect(try await Communities(database: app.db).list(by: .commandLine).count == 8)
        }
    }
}
