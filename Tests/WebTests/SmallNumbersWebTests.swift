import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Small numbers that identify are suppressed in everything meant for publication: two Serb representatives
/// at an open forum read "fewer than 5" in the visit's public update and in the period report's copy for
/// publication, while the coordinator's own page keeps the exact 2 and says it is not for publication.
@Suite("Small numbers in what is published")
struct SmallNumbersWebTests {
    struct Forum { var visitPath: String }

    func forumWithTwoSerbs(_ app: Application) async throws -> Forum {
        let f = try await RegistryFixture.make(app)
        let albanian = try await Communities(database: app.db).create(CommunityInput(name: "Albanian", status: "majority", regionID: f.pristina), by: .commandLine)
        let visit = try await FieldVisits(database: app.db).create(FieldVisitInput(title: "August 2023 visit", startsOn: "2023-08-07", endsOn: "2023-08-10"),
                                                                   by: .commandLine)
        var forum = EngagementInput(kind: "open_forum", title: "Open forum in Mitrovica", start: "2023-08-09T10:00", timeZone: "Europe/Belgrade")
        forum.visitID = visit.id
        forum.placeID = f.mitrovica
        forum.confidentiality = "public"
        // 25 representatives: 2 Serb, 23 Albanian. Hiding the 2 alone, 25 − 23 would give it away.
        forum.headCounts = [HeadCount(category: "community representatives", count: 25,
                                      byCommunity: [f.serb.uuidString.lowercased(): 2, albanian.id.uuidString.lowercased(): 23])]
        _ = try await Engagements(database: app.db).create(forum, by: .commandLine)
        return Forum(visitPath: "/visits/\(visit.id.uuidString.lowercased())")
    }

    @Test func aCommunityOfTwoIsFewerThanFiveInWhatIsPublishedAndExactlyTwoOnTheCoordinatorsPage() async throws {
        try await withRoundtable { app in
            let forum = try await forumWithTwoSerbs(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            try await browser.signIn(coordinator.email)

            let update = try await browser.get(forum.visitPath + "/public-update")
            #expect(update.status == .ok)
            #expect(update.text.contains("25 community representatives (Albanian withheld, Serb fewer than 5)"))
            #expect(!update.text.contains("Serb 2") && !update.text.contains("Albanian 23"))
            let markdown = try await browser.get(forum.visitPath + "/public-update.md")
            #expect(markdown.status == .ok && markdown.body.string.contains("Serb fewer than 5") && !markdown.body.string.contains("Albanian 23"))

            let query = "?from=2023-01-01&to=2023-12-31"
            let published = try await browser.get("/reports/period.csv" + query + "&for=publication")
            #expect(published.status == .ok)
            #expect(published.headers.first(name: .contentDisposition)?.contains("period-report-for-publication.csv") == true)
            let lines = published.body.string.components(separatedBy: "\r\n")
            #expect(lines.contains("Head-counts by community,Serb,fewer than 5,0"))
            #expect(lines.contains("Head-counts by community,Albanian,withheld,0"), "23 would give the 2 away from the total of 25")
            #expect(lines.contains("People reached,Counted in head-counts,25,0"), "a total of 25 is shown")
            #expect(lines.contains { $0.hasPrefix("Small numbers,\"For publication: counts of people") })
            let publishedMarkdown = try await browser.get("/reports/period.md" + query + "&for=publication").body.string
            #expect(publishedMarkdown.contains("| Serb | fewer than 5 | 0 |"))
            let publishedFile = try await browser.get("/reports/period.html" + query + "&for=publication").body.string
            #expect(publishedFile.contains("fewer than 5") && publishedFile.contains("for-publication"))

            // The coordinator's own page and the default files keep the exact figures, marked as internal.
            let page = try await browser.get("/reports/period" + query)
            #expect(page.text.contains("<th scope=\"row\">Serb</th><td class=\"num\">2</td>"))
            #expect(page.text.contains("Exact figures for internal use — not for publication."))
            #expect(page.text.contains("name=\"for\" value=\"publication\""), "the export form offers a copy for publication")
            let exact = try await browser.get("/reports/period.csv" + query).body.string.components(separatedBy: "\r\n")
            #expect(exact.contains("Head-counts by community,Serb,2,0") && exact.contains("Head-counts by community,Albanian,23,0"))
            #expect(exact.contains("Small numbers,Exact figures for internal use — not for publication.,,"))
            let dashboard = try await browser.get("/dashboard" + query).text
            #expect(dashboard.contains("not for publication") && dashboard.contains("for=publication"))
            // The dashboard for publication leaves the small bars out and says which.
            let publicDashboard = try await browser.get("/dashboard" + query + "&for=publication")
            #expect(publicDashboard.status == .ok)
            #expect(publicDashboard.text.contains("Left out of the charts as small numbers: ") && publicDashboard.text.contains("Albanian, Serb"))
            #expect(publicDashboard.text.contains("For publication: counts of people"))

            // Asking for anything else is a mistake, never a quiet exact copy.
            #expect(try await browser.get("/reports/period.csv" + query + "&for=donors").status == .unprocessableEntity)

            let albanian = try await browser.get("/reports/period.csv" + query + "&for=publication&language=sq").body.string
            #expect(albanian.contains("më pak se 5"))
        }
    }

    @Test func anAdministratorChangesTheThresholdAndTheChangeIsAudited() async throws {
        try await withRoundtable { app in
            let forum = try await forumWithTwoSerbs(app)
            try await app.addUser("james@ico.example", role: .admin)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            #expect(try await admin.get("/settings").text.contains("name=\"smallNumberThreshold\" value=\"5\""))

            let tooSmall = try await admin.post("/settings", form: ["defaultLanguage": "", "smallNumberThreshold": "2"])
            #expect(tooSmall.status == .unprocessableEntity && tooSmall.text.contains("Give a whole number from 3 to 100."))
            #expect(try await SiteSettings(database: app.db).smallNumbers().threshold == 5)

            #expect(try await admin.post("/settings", form: ["defaultLanguage": "", "smallNumberThreshold": "30"]).status == .seeOther)
            #expect(try await SiteSettings(database: app.db).smallNumbers().threshold == 30)
            let entry = try #require(try await app.auditEntries(action: .update).first { $0.recordType == "settings" })
            #expect(entry.changes == [FieldChange(field: "smallNumberThreshold", from: "5", to: "30")])
            // A form that does not send the threshold leaves it as it is.
            #expect(try await admin.post("/settings", form: ["defaultLanguage": "sq"]).status == .seeOther)
            #expect(try await SiteSettings(database: app.db).smallNumbers().threshold == 30)

            // Now the total of 25 is small too, in the update and in the report for publication.
            let update = try await admin.get(forum.visitPath + "/public-update?language=en")
            #expect(update.text.contains("më pak se 30") || update.text.contains("fewer than 30"))
            let csv = try await admin.get("/reports/period.csv?from=2023-01-01&to=2023-12-31&for=publication&language=en").body.string
            #expect(csv.contains("Counted in head-counts,fewer than 30,0"))
        }
    }

    @Test func aSettingsChangeByAnyoneElseIsRefused() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            await #expect(throws: (any Error).self) {
                try await SiteSettings(database: app.db).setSmallNumberThreshold(10, by: .user(officer))
            }
        }
    }
}
