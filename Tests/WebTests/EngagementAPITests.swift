import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Engagements API: the same rules as the pages")
struct EngagementAPITests {
    @Test func aScriptLogsAVisitAndItsConsortiumMeeting() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let visit = try await app.api(.POST, "/api/v1/visits", token: token, json: """
                {"title":"August 2023 visit","startsOn":"2023-08-07","endsOn":"2023-08-10","status":"done","placeIDs":["\(f.mitrovica.uuidString)"]}
                """)
            #expect(visit.status == .created)
            let visitID = try #require(try JSONDecoder().decode(IDOnly.self, from: Data(visit.body.readableBytesView)).id)
            let created = try await app.api(.POST, "/api/v1/engagements", token: token, json: """
                {"kind":"consortium_assembly","title":"Consortium at CBM","start":"2023-08-09T11:00","timeZone":"Europe/Belgrade",
                 "visitID":"\(visitID.uuidString)","participants":[{"personID":"\(f.hamza.uuidString)","part":"speaker"},{"personID":"\(f.redzepi.uuidString)"}],
                 "headCounts":[{"category":"NGOs","count":18},{"category":"leaders","count":20,"atLeast":true,"byGender":{"woman":9}}],
                 "followUps":[{"text":"Circulate the notes","ownerID":"\(officer.id.uuidString)","dueOn":"2023-09-01"}]}
                """)
            #expect(created.status == .created)
            #expect(created.headers.first(name: .eTag) == "\"1\"")
            let body = created.body.string
            #expect(body.contains("\"startsAt\":\"2023-08-09T09:00:00Z\""))
            #expect(body.contains("\"atLeast\":true") && body.contains("\"woman\":9"))
            #expect(body.contains("\"part\":\"speaker\"") && body.contains("\"part\":\"participant\""))
            let id = try JSONDecoder().decode(IDOnly.self, from: Data(created.body.readableBytesView)).id
            let timeline = try await app.api(.GET, "/api/v1/engagements?visit=\(visitID.uuidString)&chronological=true", token: token)
            #expect(timeline.body.string.contains("Consortium at CBM"))
            let mine = try await app.api(.GET, "/api/v1/follow-ups", token: token)
            #expect(mine.body.string.contains("Circulate the notes"))
            let followUpID = try #require(try await FollowUps(database: app.db).open(ownedBy: officer.id, by: .user(officer)).first?.id)
            #expect(try await app.api(.PATCH, "/api/v1/follow-ups/\(followUpID.uuidString)", token: token, json: #"{"status":"done"}"#).status == .noContent)
            #expect(!(try await app.api(.GET, "/api/v1/follow-ups", token: token).body.string.contains("Circulate the notes")))
            // Versions: stale If-Match 412, none 428, current 200.
            let path = "/api/v1/engagements/\(id.uuidString)"
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"title":"Renamed"}"#).status == .preconditionRequired)
            #expect(try await app.api(.PATCH, path, token: token, json: #"{"title":"Renamed"}"#, headers: ["If-Match": "\"7\""]).status == .preconditionFailed)
            let renamed = try await app.api(.PATCH, path, token: token, json: #"{"title":"Consortium assembly at CBM"}"#, headers: ["If-Match": "\"1\""])
            #expect(renamed.status == .ok && renamed.body.string.contains("Consortium assembly at CBM") && renamed.body.string.contains("\"NGOs\""))
            // Bad input names the field.
            let bad = try await app.api(.POST, "/api/v1/engagements", token: token, json: #"{"kind":"meeting","title":"x","start":"2023-02-30T10:00","timeZone":"Mars/Base"}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("\"start\"") && bad.body.string.contains("\"timeZone\""))
            #expect(try await app.api(.DELETE, path, token: token).status == .noContent)
            #expect(try await app.api(.GET, path, token: token).status == .notFound)
        }
    }

    /// A script that names the host twice, and again as a partner, logs one host: the page, the API and the
    /// history list it once, as every other kind's links are kept.
    @Test func aHostNamedTwiceIsOneHost() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let token = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            let created = try await app.api(.POST, "/api/v1/engagements", token: token, json: """
                {"kind":"meeting","title":"Meeting at the DPM's office","start":"2023-08-08T10:00","timeZone":"Europe/Belgrade",
                 "hostIDs":["\(f.dpmOffice.uuidString)","\(f.dpmOffice.uuidString)"],
                 "partnerIDs":["\(f.government.uuidString)","\(f.dpmOffice.uuidString)","\(f.government.uuidString)"]}
                """)
            #expect(created.status == .created)
            let id = try JSONDecoder().decode(IDOnly.self, from: Data(created.body.readableBytesView)).id
            let engagement = try await Engagements(database: app.db).get(id, by: .commandLine)
            #expect(engagement.hosts.map(\.id) == [f.dpmOffice])
            #expect(engagement.partners.map(\.id) == [f.government])
            let history = try await AuditLog(database: app.db).history(of: id)
            let changes = try #require(history.first).changes
            #expect(changes.first { $0.field == "hosts" }?.to == f.dpmOffice.uuidString)
            #expect(changes.first { $0.field == "partners" }?.to == f.government.uuidString)
        }
    }

    @Test func restrictedEngagementsAreNotFoundForOfficersThroughTheAPI() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let officerToken = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            var secret = EngagementInput(kind: "meeting", title: "Closed meeting", start: "2023-08-09T18:00", timeZone: "UTC")
            secret.confidentiality = "restricted"
            let closed = try await Engagements(database: app.db).create(secret, by: .user(coordinator))
            var open = EngagementInput(kind: "meeting", title: "Open meeting", start: "2023-08-10T18:00", timeZone: "UTC")
            open.participants = [ParticipantInput(personID: f.hidden), ParticipantInput(personID: f.hamza)]
            let visible = try await Engagements(database: app.db).create(open, by: .user(coordinator))
            #expect(try await app.api(.GET, "/api/v1/engagements/\(closed.id.uuidString)", token: officerToken).status == .notFound)
            let list = try await app.api(.GET, "/api/v1/engagements", token: officerToken).body.string
            #expect(!list.contains("Closed meeting") && list.contains("Open meeting"))
            let byPerson = try await app.api(.GET, "/api/v1/engagements?person=\(f.hidden.uuidString)", token: officerToken).body.string
            #expect(!byPerson.contains("Open meeting"), "filtering by a restricted person tells nothing about them")
            let one = try await app.api(.GET, "/api/v1/engagements/\(visible.id.uuidString)", token: officerToken).body.string
            #expect(!one.contains(f.hidden.uuidString) && !one.contains("Miloš"))
            let patched = try await app.api(.PATCH, "/api/v1/engagements/\(visible.id.uuidString)", token: officerToken,
                                            json: #"{"participants":[],"version":1}"#)
            #expect(patched.status == .ok)
            let kept = try await Engagements(database: app.db).get(visible.id, by: .user(coordinator))
            #expect(kept.participants.map(\.person.id) == [f.hidden], "the officer removed whom they could see; the hidden person stays")
        }
    }
}

private struct IDOnly: Decodable { var id: UUID }

@Suite("Engagements: periods are days where they happened")
struct EngagementPeriodTests {
    @Test func aPeriodIncludesItsFirstAndLastDayInAnyTimeZone() async throws {
        try await withRoundtable { app in
            let engagements = Engagements(database: app.db)
            for (title, start, zone) in [("early in Kiritimati", "2023-01-01T00:30", "Pacific/Kiritimati"), ("late in Samoa", "2023-12-31T23:30", "Pacific/Pago_Pago"),
                                         ("before", "2022-12-31T23:30", "UTC"), ("after", "2024-01-01T00:10", "Pacific/Kiritimati")] {
                _ = try await engagements.create(EngagementInput(kind: "call", title: title, start: start, timeZone: zone), by: .commandLine)
            }
            var query = Engagements.Query()
            query.from = Day("2023-01-01")
            query.to = Day("2023-12-31")
            #expect(Set(try await engagements.list(query, by: .commandLine).items.map(\.title)) == ["early in Kiritimati", "late in Samoa"])
        }
    }
}
