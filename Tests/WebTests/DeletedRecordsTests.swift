import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// One rule for deleted records on every path: the page, its history, the API's record and the API's
/// history answer those who may restore it (and say it is deleted), and nobody else — for every kind.
@Suite("Deleted records: pages and API agree")
struct DeletedRecordsTests {
    @Test func aDeletedRecordIsSeenOnlyByThoseWhoMayRestoreItOnEveryPath() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let tokens = (officer: try await app.token(for: officer.email), coordinator: try await app.token(for: coordinator.email))
            let officerBrowser = Browser(app), coordinatorBrowser = Browser(app)
            try await officerBrowser.signIn(officer.email)
            try await coordinatorBrowser.signIn(coordinator.email)
            let event = try await ContextEvents(database: app.db).create(
                ContextEventInput(title: "Election boycott", kind: "boycott", severity: "high", startsOn: "2023-04-23"), by: .commandLine)
            let visit = try await FieldVisits(database: app.db).create(FieldVisitInput(title: "August visit", startsOn: "2023-08-07", endsOn: "2023-08-09"), by: .commandLine)
            let deleted: [(site: String, api: String)] = [
                ("/people/\(f.hamza.path)", "/api/v1/people/\(f.hamza.path)"),
                ("/organizations/\(f.government.path)", "/api/v1/organizations/\(f.government.path)"),
                ("/context/\(event.id.path)", "/api/v1/context-events/\(event.id.path)"),
                ("/visits/\(visit.id.path)", "/api/v1/visits/\(visit.id.path)"),
            ]
            for record in deleted {
                #expect(try await app.api(.DELETE, record.api, token: tokens.officer).status == .noContent, "\(record.api)")
                // A stakeholder's assessments are read as its history is (issue 21: a merged person's answered 404).
                let below = ["/history"] + (record.api.contains("/people/") || record.api.contains("/organizations/") ? ["/assessments"] : [])
                for path in [record.site] + below.map({ record.site + $0 }) {
                    #expect(try await officerBrowser.get(path).status == .notFound, "\(path) as officer")
                    #expect(try await coordinatorBrowser.get(path).status == .ok, "\(path) as coordinator")
                }
                for path in [record.api] + below.map({ record.api + $0 }) {
                    #expect(try await app.api(.GET, path, token: tokens.officer).status == .notFound, "\(path) as officer")
                    #expect(try await app.api(.GET, path, token: tokens.coordinator).status == .ok, "\(path) as coordinator")
                }
                let seen = try await app.api(.GET, record.api, token: tokens.coordinator).body.string
                #expect(seen.contains("\"deleted\":true") || seen.contains("\"deletedAt\""), "\(record.api) says it is deleted")
                // Changing or deleting it again is not found for anyone; restoring brings it back for all.
                #expect(try await app.api(.DELETE, record.api, token: tokens.coordinator).status == .notFound)
                #expect(try await coordinatorBrowser.get(record.site + "/edit").status == .notFound)
                #expect(try await app.api(.POST, record.api + "/restore", token: tokens.coordinator).status == .ok)
                #expect(try await officerBrowser.get(record.site).status == .ok)
            }
        }
    }

    /// History pages name what a change points at — the place, the community, the parent — not its identity.
    @Test func historyPagesNameThePlacesAndPeopleTheirChangesMention() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let person = try await browser.get("/people/\(f.redzepi.path)/history")
            #expect(person.status == .ok && person.text.contains("Pristina") && !person.text.contains(f.pristina.uuidString))
            let office = try await browser.get("/organizations/\(f.dpmOffice.path)/history")
            #expect(office.text.contains("Government of Kosovo") && !office.text.contains(f.government.uuidString))
            // A restricted person's position is in the office's history only by identity; an officer is not told who.
            var meeting = EngagementInput(kind: "meeting", title: "Meeting at the office", start: "2023-08-07T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: f.redzepi, part: "host"), ParticipantInput(personID: f.hidden)]
            let engagement = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            let history = try await browser.get("/engagements/\(engagement.id.path)/history")
            #expect(history.text.contains("Emilija Redžepi:host") && !history.text.contains("Miloš") && !history.text.contains(f.hidden.uuidString))
        }
    }
}
