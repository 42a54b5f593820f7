import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario: an officer records what happened around the work — the April 2023 boycott in the north, the
/// May clashes — and finds it beside the engagements on the timelines; a restricted report stays with the
/// coordinators.
@Suite("Context events: recorded beside the work, marked as context, restricted ones kept back")
struct ContextEventTests {
    @Test func anOfficerRecordsTheBoycottAndSeesItOnTheTimeline() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let wrong = try await browser.post("/context", form: [
                "title": "", "kind": "boycott", "severity": "high", "startsOn": "2023-04-23", "endsOn": "2023-04-01",
                "sourceURL": "osce.org", "confidentiality": "public",
            ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("id=\"f-title-error\"") && wrong.text.contains("id=\"f-endsOn-error\"") && wrong.text.contains("id=\"f-sourceURL-error\""))
            #expect(wrong.text.contains("The event cannot end before it starts."))
            #expect(wrong.text.contains("value=\"osce.org\""), "what was typed stays")

            let saved = try await browser.post("/context", form: [
                "title": "Boycott of the local elections in the north", "kind": "boycott", "severity": "high", "startsOn": "2023-04-23",
                "sourceURL": "https://www.osce.org/mission-in-kosovo", "confidentiality": "public", "placeIDs[]": f.mitrovica.uuidString.lowercased(),
            ])
            #expect(saved.status == .seeOther)
            let shown = try await browser.get(try #require(saved.headers.first(name: .location)))
            #expect(shown.text.contains("Context") && shown.text.contains("https://www.osce.org/mission-in-kosovo"))
            let events = try await ContextEvents(database: app.db).list(.init(), by: .user(officer)).items
            let boycott = try #require(events.first)
            #expect(boycott.period.isSingleDay && boycott.places.map(\.name) == ["Mitrovica South"])

            // The timeline of April 2023 shows the boycott between the engagements, marked as context.
            _ = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Before the elections", start: "2023-04-20T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            _ = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "After the elections", start: "2023-04-25T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let timeline = try await browser.get("/engagements?from=2023-04-01&to=2023-04-30")
            let after = try #require(timeline.text.range(of: "After the elections")), before = try #require(timeline.text.range(of: "Before the elections"))
            let context = try #require(timeline.text.range(of: "Boycott of the local elections in the north"))
            #expect(after.lowerBound < context.lowerBound && context.lowerBound < before.lowerBound, "newest first, the boycott between")
            #expect(timeline.text.contains("badge-context"))
            #expect(!(try await browser.get("/engagements?from=2023-05-01&to=2023-05-31")).text.contains("Boycott of the local"), "another month, no boycott")
            #expect(try await browser.get("/places/\(f.mitrovica.uuidString.lowercased())").text.contains("Boycott of the local elections"))

            let history = try await browser.get("/context/\(boycott.id.uuidString.lowercased())/history")
            #expect(history.status == .ok && history.text.contains("Boycott of the local elections in the north"))
        }
    }

    @Test func aRestrictedReportIsInvisibleToOfficersOnEveryPath() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            var input = ContextEventInput(title: "Threats against youth workers", kind: "security_incident", severity: "moderate", startsOn: "2023-06-05")
            input.confidentiality = "restricted"
            input.placeIDs = [f.mitrovica]
            await #expect(throws: DomainError.self, "an officer may not mark an event restricted") {
                try await ContextEvents(database: app.db).create(input, by: .user(officer))
            }
            let hidden = try await ContextEvents(database: app.db).create(input, by: .user(coordinator))
            let visit = try await FieldVisits(database: app.db).create(FieldVisitInput(title: "June visit", startsOn: "2023-06-04", endsOn: "2023-06-06"), by: .commandLine)

            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let path = "/context/\(hidden.id.uuidString.lowercased())"
            #expect(try await browser.get(path).status == .notFound)
            #expect(!(try await browser.get("/context")).text.contains("Threats against youth workers"))
            #expect(!(try await browser.get("/engagements")).text.contains("Threats against youth workers"))
            #expect(!(try await browser.get("/visits/\(visit.id.uuidString.lowercased())")).text.contains("Threats against youth workers"))
            #expect(!(try await browser.get("/places/\(f.mitrovica.uuidString.lowercased())")).text.contains("Threats against youth workers"))
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.GET, "/api/v1" + path.replacingOccurrences(of: "/context/", with: "/context-events/"), token: token).status == .notFound)
            let listed = try await app.api(.GET, "/api/v1/context-events", token: token)
            #expect(listed.status == .ok && !listed.body.string.contains("Threats") && listed.body.string.contains("\"total\":0"))

            let coordinatorBrowser = Browser(app)
            try await coordinatorBrowser.signIn(coordinator.email)
            #expect(try await coordinatorBrowser.get(path).text.contains("Threats against youth workers"))
            #expect(try await coordinatorBrowser.get("/visits/\(visit.id.uuidString.lowercased())").text.contains("Threats against youth workers"),
                    "on the visit's days, beside its engagements")
        }
    }

    @Test func theAPIKeepsVersionsAndNamesTheField() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let created = try await app.api(.POST, "/api/v1/context-events", token: token, json: """
                {"title":"Clashes in Zvečan","kind":"clash","severity":"critical","startsOn":"2023-05-29","confidentiality":"public"}
                """)
            #expect(created.status == .created && created.headers.first(name: .eTag) == "\"1\"")
            let id = try #require(created.headers.first(name: .location))
            let bad = try await app.api(.PATCH, id, token: token, json: #"{"endsOn":"2023-05-01","version":1}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("endsOn"))
            let changed = try await app.api(.PATCH, id, token: token, json: #"{"endsOn":"2023-05-30"}"#, headers: ["If-Match": "\"1\""])
            #expect(changed.status == .ok && changed.body.string.contains("\"endsOn\":\"2023-05-30\""))
            let stale = try await app.api(.PATCH, id, token: token, json: #"{"severity":"high"}"#, headers: ["If-Match": "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let filtered = try await app.api(.GET, "/api/v1/context-events?from=2023-05-30&to=2023-06-30", token: token)
            #expect(filtered.body.string.contains("Clashes in Zv"), "a range touching its second day finds it")
            #expect(try await app.api(.DELETE, id, token: token, headers: ["If-Match": "\"2\""]).status == .noContent)
            #expect(try await app.api(.GET, id, token: token).status == .notFound)
            #expect(!(try await app.api(.GET, "/api/v1/context-events", token: token)).body.string.contains("Clashes"), "a deleted event leaves the list")
        }
    }

    @Test func eventPeriods() {
        let april23 = Day("2023-04-23")!, may29 = Day("2023-05-29")!
        #expect(EventPeriod(startsOn: may29, endsOn: april23) == nil, "never ends before it starts")
        let single = EventPeriod(startsOn: april23, endsOn: nil)!
        #expect(single.isSingleDay && single.overlaps(from: april23, to: april23) && !single.overlaps(from: Day("2023-04-24"), to: nil))
        let span = EventPeriod(startsOn: april23, endsOn: may29)!
        #expect(span.overlaps(from: Day("2023-05-29"), to: nil) && span.overlaps(from: nil, to: april23) && !span.overlaps(from: nil, to: Day("2023-04-22")))
    }
}
