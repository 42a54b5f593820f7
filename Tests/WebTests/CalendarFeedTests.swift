import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// "An iCalendar feed of engagements (RFC 5545) behind a personal secret URL … respecting the reader's role."
@Suite("Personal calendar feeds of engagements")
struct CalendarFeedTests {
    /// `YYYY-MM-DD` some days from today (the feed holds a window around now).
    static func day(_ offset: Int) -> String { Day(utc: Date().addingTimeInterval(Double(offset) * 86_400)).description }

    /// Creates a feed on the account page and returns its path, read off the page that answers.
    static func createFeed(_ browser: Browser) async throws -> String {
        let page = try await browser.post("/account/calendar")
        #expect(page.status == .created)
        let html = page.body.string
        let match = try #require(html.firstMatch(of: /http:\/\/[^<"]+(\/calendar\/cal_[A-Za-z0-9_-]+\.ics)/))
        return String(match.1)
    }

    @Test func aFeedShowsWhatItsOwnersRoleMaySeeAsRFC5545() async throws {
        try await withRoundtable { app in
            // given engagements now and then, one restricted, one old, one with a day alone
            let f = try await RegistryFixture.make(app)
            let engagements = Engagements(database: app.db)
            var soon = EngagementInput(kind: "meeting", title: "Meeting with the Mayor; budget, schools \\ roads", start: Self.day(10) + "T10:00", timeZone: "Europe/Belgrade")
            soon.placeID = f.mitrovica
            soon.venue = "Town hall"
            soon.durationMinutes = 90
            soon.summary = "Private note about Emilija"
            soon.participants = [ParticipantInput(personID: f.redzepi, part: "host")]
            let meeting = try await engagements.create(soon, by: .commandLine)
            _ = try await engagements.create(EngagementInput(kind: "workshop", title: "Всеукупна радионица за младе лидере из општина северног Косова и Митровице",
                                                             start: Self.day(-30), timeZone: "Europe/Belgrade"), by: .commandLine)
            var secret = EngagementInput(kind: "meeting", title: "Restricted briefing", start: Self.day(3) + "T09:00", timeZone: "Europe/Belgrade")
            secret.confidentiality = "restricted"
            _ = try await engagements.create(secret, by: .commandLine)
            _ = try await engagements.create(EngagementInput(kind: "meeting", title: "Long ago", start: Self.day(-500) + "T09:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            try await app.addUser("kubra@ico.example", role: .coordinator)

            // when the officer makes a feed on the account page and a calendar program fetches it (no session)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/account").body.string.contains("Create calendar address"))
            let path = try await Self.createFeed(browser)
            let feed = try await app.testing().sendRequest(.GET, path, headers: ["Host": "rt.example"])

            // then it is iCalendar with the officer's view only
            #expect(feed.status == .ok)
            #expect(feed.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            let text = feed.body.string
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
            let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("SUMMARY:Meeting with the Mayor\\; budget\\, schools \\\\ roads\r\n"))
            #expect(unfolded.contains("UID:\(meeting.id.uuidString.lowercased())@roundtable\r\n"))
            #expect(unfolded.contains("LOCATION:Town hall\\, Mitrovica South\r\n"))
            #expect(unfolded.contains("DURATION:PT90M\r\n"))
            #expect(unfolded.contains("URL:http://rt.example/engagements/\(meeting.id.uuidString.lowercased())\r\n"))
            #expect(unfolded.contains("DTSTART;VALUE=DATE:\(Self.day(-30).replacingOccurrences(of: "-", with: ""))\r\n"), "a day alone is a whole day")
            #expect(unfolded.contains("SUMMARY:Всеукупна радионица за младе лидере"))
            #expect(!unfolded.contains("Restricted briefing"), "the officer may not see restricted engagements")
            #expect(!unfolded.contains("Long ago"), "only from a year back")
            #expect(!unfolded.contains("Emilija") && !unfolded.contains("Private note"), "no participants, no notes")
            #expect(unfolded.components(separatedBy: "BEGIN:VEVENT").count == 3)

            // and a coordinator's feed (made through the API) has the restricted one
            let token = try await app.token(for: "kubra@ico.example")
            let created = try await app.api(.POST, "/api/v1/me/calendar-feed", token: token)
            #expect(created.status == .created)
            let url = try #require(try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any])["url"] as? String
            let coordinatorPath = try #require(url.flatMap { URL(string: $0)?.path })
            #expect(try await app.testing().sendRequest(.GET, coordinatorPath).body.string.contains("SUMMARY:Restricted briefing"))
        }
    }

    @Test func wrongReplacedRevokedAndDisabledFeedsAnswer404() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let first = try await Self.createFeed(browser)
            #expect(try await app.testing().sendRequest(.GET, first).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/calendar/cal_wrong.ics").status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, String(first.dropLast(4))).status == .notFound, "the .ics is part of the address")

            // replacing: the old address stops, the new one works
            let second = try await Self.createFeed(browser)
            #expect(second != first)
            #expect(try await app.testing().sendRequest(.GET, first).status == .notFound)
            #expect(try await app.testing().sendRequest(.GET, second).status == .ok)
            let account = try await browser.get("/account").body.string
            #expect(account.contains("Replace address") && !account.contains(String(second.dropFirst("/calendar/".count).dropLast(4))), "the secret is shown once")

            // a disabled user's feed stops, and starts again when they are enabled
            _ = try await SetUserDisabled(database: app.db)(id: officer.id, disabled: true, by: .commandLine)
            #expect(try await app.testing().sendRequest(.GET, second).status == .notFound)
            _ = try await SetUserDisabled(database: app.db)(id: officer.id, disabled: false, by: .commandLine)
            #expect(try await app.testing().sendRequest(.GET, second).status == .ok)

            // revoking ends it
            try await browser.signIn(officer.email)
            let revoked = try await browser.post("/account/calendar/revoke")
            #expect(revoked.status == .seeOther)
            #expect(try await app.testing().sendRequest(.GET, second).status == .notFound)
            #expect(try await browser.get("/account").body.string.contains("Create calendar address"))

            // every change is in the audit trail, never the secret
            let entries = try await app.auditEntries(action: .calendarFeedCreate) + app.auditEntries(action: .calendarFeedRevoke)
            #expect(entries.count == 3)
            let trail = try await app.auditEntries().map { "\($0)" }.joined()
            #expect(!trail.contains("cal_") && !trail.contains(SecretToken.hash(String(second.dropFirst("/calendar/".count).dropLast(4)))))

            // the API: DELETE without a feed is a 404 problem
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.DELETE, "/api/v1/me/calendar-feed", token: token).status == .notFound)
            #expect(try await app.api(.POST, "/api/v1/me/calendar-feed", token: token).status == .created)
            #expect(try await app.api(.DELETE, "/api/v1/me/calendar-feed", token: token).status == .noContent)
        }
    }
}
