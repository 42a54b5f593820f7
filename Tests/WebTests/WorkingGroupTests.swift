import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario: the partnership starts a working group to support local councillors; an officer sets it up
/// with its chair and members, records its first meeting from the engagement's page and what it owes.
@Suite("Working groups: members over time, meetings, deliverables")
struct WorkingGroupTests {
    @Test func anOfficerSetsUpTheGroupTheAgreementStarts() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let agreement = try await Agreements(database: app.db).create(AgreementInput(kind: "partnership", title: "Partnership on minority issues"), by: .commandLine)
            let meeting = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "First meeting of the group", start: "2023-09-14T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let wrong = try await browser.post("/working-groups", form: [
                "name": "Working group on local self-governance", "agreementID": agreement.id.uuidString.lowercased(),
                "members": "Emilija Redžepi, president\nBedri Hamza, member, 2023-09-01, 2023-08-01",
            ])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("id=\"f-members-error\""))
            #expect(wrong.text.contains("Emilija Redžepi, president"), "what was typed stays")

            let saved = try await browser.post("/working-groups", form: [
                "name": "Working group on local self-governance", "agreementID": agreement.id.uuidString.lowercased(), "confidentiality": "internal",
                "members": "emilija redzepi, chair, 2023-09-01\nBedri Hamza, member, 2023-09-01, 2023-10-31",
            ])
            #expect(saved.status == .seeOther)
            let id = try #require(try await WorkingGroups(database: app.db).list(by: .user(officer)).items.first?.id)
            let path = "/working-groups/\(id.uuidString.lowercased())"

            let engagementPath = "/engagements/\(meeting.id.uuidString.lowercased())"
            #expect(try await browser.post(engagementPath + "/working-groups", form: ["groupID": id.uuidString.lowercased()]).status == .seeOther)
            let late = try await browser.post(path + "/deliverables", form: ["title": "Training plan", "kind": "plan", "dueOn": "2023-12-15"])
            #expect(late.status == .seeOther)
            let bad = try await browser.post(path + "/deliverables", form: ["title": "", "kind": "speech"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("id=\"dl-title-error\"") && bad.text.contains("id=\"dl-kind-error\""))

            _ = try await browser.get(path)
            let page = try await browser.get(path)
            #expect(page.text.contains("Emilija Redžepi") && page.text.contains("— chair"))
            #expect(page.text.contains("Former members") && page.text.contains("Bedri Hamza"), "his membership ended on 31 October")
            #expect(page.text.contains("First meeting of the group") && page.text.contains("Training plan") && page.text.contains("Late"))
            #expect(page.text.contains("Partnership on minority issues"), "the agreement it comes from")
            #expect(try await browser.get("/agreements/\(agreement.id.uuidString.lowercased())").text.contains("Working group on local self-governance"))
            #expect(try await browser.get("/people/\(f.redzepi.uuidString.lowercased())").text.contains("Working group on local self-governance"))

            let group = try await WorkingGroups(database: app.db).get(id, by: .user(officer))
            let done = try await browser.post("/deliverables/\(group.deliverables[0].id.uuidString.lowercased())/status", form: ["status": "done", "version": "1"])
            #expect(done.status == .seeOther)
            #expect(try await WorkingGroups(database: app.db).get(id, by: .user(officer)).deliverables.map(\.status) == [.done])
            #expect(try await browser.get(path + "/history").text.contains("Training plan"))
        }
    }

    @Test func aRestrictedMemberIsHiddenFromOfficersAndKeptWhenTheySave() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var input = WorkingGroupInput(name: "Advisory group")
            input.members = [MemberInput(personID: f.redzepi, part: "chair"), MemberInput(personID: f.hidden, part: "adviser")]
            let group = try await WorkingGroups(database: app.db).create(input, by: .commandLine)
            let seen = try await WorkingGroups(database: app.db).get(group.id, by: .user(officer))
            #expect(seen.members.map(\.person.name) == ["Emilija Redžepi"])
            #expect(try await WorkingGroups(database: app.db).memberships(of: f.hidden, by: .user(officer)).isEmpty, "a hidden person's groups tell nothing")
            #expect(try await WorkingGroups(database: app.db).memberships(of: f.hidden, by: .commandLine).map(\.name) == ["Advisory group"])
            var change = input
            change.members = [MemberInput(personID: f.redzepi, part: "chair")]
            change.purpose = "Advise the DPM office"
            _ = try await WorkingGroups(database: app.db).update(group.id, change, expectedVersion: seen.version, by: .user(officer))
            #expect(try await WorkingGroups(database: app.db).get(group.id, by: .commandLine).members.count == 2, "kept though the officer could not see them")

            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/working-groups/\(group.id.uuidString)", token: token)
            #expect(api.status == .ok && !api.body.string.contains("Jovanovi"))
            let stale = try await app.api(.PATCH, "/api/v1/working-groups/\(group.id.uuidString)", token: token, json: #"{"name":"Renamed"}"#, headers: ["If-Match": "\"1\""])
            #expect(stale.status == .preconditionFailed)
        }
    }

    @Test func lateDeliverables() {
        let today = Day("2023-12-20")!
        #expect(DeliverableRule.isLate(status: .planned, due: Day("2023-12-15"), today: today))
        #expect(!DeliverableRule.isLate(status: .done, due: Day("2023-12-15"), today: today))
        #expect(!DeliverableRule.isLate(status: .inProgress, due: nil, today: today))
    }
}
