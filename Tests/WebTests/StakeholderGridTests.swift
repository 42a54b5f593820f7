import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Before and after the August visit, the director records how the Deputy Prime Minister stands; the grid
/// shows her latest place and how she moved. Around her, the relationship network: whom she met, where she
/// holds her post, who signed with her — and nobody an officer may not see.
@Suite("Stakeholder assessments, the grid, the relationship network")
struct StakeholderGridTests {
    @Test func assessmentsOverTimeMakeTheGridAndStayAsHiddenAsTheirSubject() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            try await browser.signIn(coordinator.email)
            let path = "/people/\(f.redzepi.uuidString.lowercased())/assessments"
            #expect(try await browser.get("/people/\(f.redzepi.uuidString.lowercased())").text.contains(path))

            let wrong = try await browser.post(path, form: ["assessedOn": "2999-01-01", "influence": "7", "interest": "3", "stance": "supports"])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("id=\"f-influence-error\"") && wrong.text.contains("id=\"f-assessedOn-error\""))
            #expect(try await browser.post(path, form: ["assessedOn": "2023-02-15", "influence": "5", "interest": "3", "stance": "neutral",
                                                        "notes": "No commitment yet."]).status == .seeOther)
            #expect(try await browser.post(path, form: ["assessedOn": "2023-08-10", "influence": "5", "interest": "5", "stance": "supports"]).status == .seeOther)
            let history = try await browser.get(path)
            #expect(history.text.contains("interest +2, 2 steps towards support") && history.text.contains("No commitment yet."))
            #expect(try await browser.get("/people/\(f.redzepi.uuidString.lowercased())/history").text.contains("2023-08-10: influence 5, interest 5, supports"))

            _ = try await Assessments(database: app.db).add(AssessmentInput(assessedOn: "2023-05-01", influence: "2", interest: "4", stance: "opposes"),
                                                            person: f.hidden, by: .commandLine)
            let grid = try await browser.get("/stakeholders")
            #expect(grid.text.contains("Emilija Redžepi") && grid.text.contains("Miloš Jovanović") && grid.text.contains("<svg"))
            #expect(grid.text.contains("since 15 February 2023: interest +2, 2 steps towards support"))

            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let theirs = Browser(app)
            try await theirs.signIn(officer.email)
            #expect(!(try await theirs.get("/stakeholders").text.contains("Miloš")))
            #expect(try await theirs.get("/people/\(f.hidden.uuidString.lowercased())/assessments").status == .notFound)
            let token = try await app.token(for: officer.email)
            #expect(!(try await app.api(.GET, "/api/v1/stakeholders", token: token).body.string.contains("Jovanovi")))
            let added = try await app.api(.POST, "/api/v1/organizations/\(f.dpmOffice.uuidString)/assessments", token: token,
                                          json: #"{"assessedOn":"2023-08-10","influence":4,"interest":5,"stance":"leans_towards"}"#)
            #expect(added.status == .created)
            let refused = try await app.api(.POST, "/api/v1/people/\(f.hidden.uuidString)/assessments", token: token,
                                            json: #"{"assessedOn":"2023-08-10","influence":4,"interest":5,"stance":"supports"}"#)
            #expect(refused.status == .notFound, "a restricted person is not there for an officer")
            let bad = try await app.api(.POST, "/api/v1/people/\(f.redzepi.uuidString)/assessments", token: token,
                                        json: #"{"assessedOn":"2023-08-10","influence":0,"interest":5,"stance":"maybe"}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("\"field\":\"influence\"") && bad.body.string.contains("\"field\":\"stance\""))

            // A mistaken assessment is removed; the removal is in the history.
            let latest = try await Assessments(database: app.db).history(person: f.redzepi, by: .commandLine)[0]
            #expect(try await browser.post("/assessments/\(latest.id.uuidString.lowercased())/remove").status == .seeOther)
            #expect(try await Assessments(database: app.db).history(person: f.redzepi, by: .commandLine).count == 1)
        }
    }

    @Test func theNetworkFollowsWhatTheReaderMaySee() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let engagements = Engagements(database: app.db)
            var meeting = EngagementInput(kind: "meeting", title: "The DPM meets the mayor", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: f.redzepi), ParticipantInput(personID: f.hamza), ParticipantInput(personID: f.hidden)]
            _ = try await engagements.create(meeting, by: .commandLine)
            let valon = try await People(database: app.db).create(PersonInput(name: "Valon Hoxha"), by: .commandLine)
            var later = EngagementInput(kind: "call", title: "The mayor calls Valon", start: "2023-09-01T10:00", timeZone: "Europe/Belgrade")
            later.participants = [ParticipantInput(personID: f.hamza), ParticipantInput(personID: valon.id)]
            _ = try await engagements.create(later, by: .commandLine)

            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let network = try await RelationshipNetwork.around(person: f.redzepi, database: app.db, by: .user(officer))
            let names = Dictionary(uniqueKeysWithValues: network.nodes.map { ($0.name, $0.step) })
            #expect(names["Emilija Redžepi"] == 0 && names["Bedri Hamza"] == 1 && names["Valon Hoxha"] == 2)
            #expect(names["Office of the Deputy Prime Minister for Minority Issues and Human Rights"] == 1, "her post")
            #expect(names["Miloš Jovanović"] == nil, "restricted: not a link for an officer")
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            #expect(try await RelationshipNetwork.around(person: f.redzepi, database: app.db, by: .user(coordinator)).nodes.contains { $0.name == "Miloš Jovanović" })
            let direct = try await RelationshipNetwork.around(person: f.redzepi, steps: 1, database: app.db, by: .user(officer))
            #expect(!direct.nodes.contains { $0.name == "Valon Hoxha" })

            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let page = try await browser.get("/people/\(f.redzepi.uuidString.lowercased())/network")
            #expect(page.status == .ok && page.text.contains("<svg") && page.text.contains("1 engagement together") && !page.text.contains("Miloš"))
            #expect(try await browser.get("/people/\(f.hidden.uuidString.lowercased())/network").status == .notFound)
            #expect(try await browser.get("/organizations/\(f.dpmOffice.uuidString.lowercased())/network").status == .ok)
        }
    }

    /// Beyond meetings: a signed agreement and a working group link their members; a restricted agreement links
    /// them only for a reader who may see it, and a deleted engagement links no one.
    @Test func agreementsAndWorkingGroupsAreTiesAndDeletedOrRestrictedOnesAreNot() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let people = People(database: app.db)
            let signatory = try await people.create(PersonInput(name: "Arben Gashi"), by: .commandLine)
            let secret = try await people.create(PersonInput(name: "Drita Morina"), by: .commandLine)
            let member = try await people.create(PersonInput(name: "Luan Berisha"), by: .commandLine)
            let gone = try await people.create(PersonInput(name: "Nora Shala"), by: .commandLine)
            let agreements = Agreements(database: app.db)
            var open = AgreementInput(kind: "partnership", title: "Youth exchange")
            open.parties = [AgreementPartyInput(personID: f.redzepi, part: "signatory"), AgreementPartyInput(personID: signatory.id, part: "signatory")]
            _ = try await agreements.create(open, by: .commandLine)
            var restricted = AgreementInput(kind: "other", title: "Back channel")
            restricted.confidentiality = Confidentiality.restricted.rawValue
            restricted.parties = [AgreementPartyInput(personID: f.redzepi, part: "partner"), AgreementPartyInput(personID: secret.id, part: "partner")]
            _ = try await agreements.create(restricted, by: .commandLine)
            var group = WorkingGroupInput(name: "Language rights")
            group.members = [MemberInput(personID: f.redzepi, part: "chair"), MemberInput(personID: member.id, part: "member")]
            _ = try await WorkingGroups(database: app.db).create(group, by: .commandLine)
            var meeting = EngagementInput(kind: "meeting", title: "Cancelled", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: f.redzepi), ParticipantInput(personID: gone.id)]
            let cancelled = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            try await Engagements(database: app.db).delete(cancelled.id, expectedVersion: nil, by: .commandLine)

            func names(_ role: Role) async throws -> Set<String> {
                let reader = try await app.addUser("\(role.rawValue)@ico.example", role: role)
                return Set(try await RelationshipNetwork.around(person: f.redzepi, steps: 1, database: app.db, by: .user(reader)).nodes.map(\.name))
            }
            let officer = try await names(.officer)
            #expect(officer.contains("Arben Gashi") && officer.contains("Luan Berisha"), "\(officer)")
            #expect(!officer.contains("Drita Morina"), "a restricted agreement is no link for an officer")
            #expect(!officer.contains("Nora Shala"), "a deleted engagement is no link")
            #expect(try await names(.coordinator).contains("Drita Morina"))
        }
    }
}
