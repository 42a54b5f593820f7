import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario 2: after the August visit, the coordinator drafts the report from the record — the engagements
/// day by day with the titles people held, what was said and counted, the agreement, the follow-ups, the
/// context — and an officer's copy leaves out what an officer may not see.
@Suite("The visit report, drafted from the record")
struct VisitReportTests {
    @Test func theReportTellsTheVisitDayByDayAndLeavesOutWhatTheReaderMayNotSee() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var visitInput = FieldVisitInput(title: "August 2023 visit", startsOn: "2023-08-07", endsOn: "2023-08-10")
            visitInput.purpose = "Agree a partnership on minority issues."
            let visit = try await FieldVisits(database: app.db).create(visitInput, by: .commandLine)
            var meeting = EngagementInput(kind: "meeting", title: "Meeting with the DPM", start: "2023-08-07T10:00", timeZone: "Europe/Belgrade")
            meeting.visitID = visit.id
            meeting.participants = [ParticipantInput(personID: f.redzepi, part: "host"), ParticipantInput(personID: f.hidden, part: "participant")]
            meeting.headCounts = [HeadCount(category: "NGOs", count: 18, atLeast: false, byGender: [:], byCommunity: [:])]
            meeting.outcomes = "A partnership agreement was signed."
            meeting.followUps = [FollowUpInput(text: "Send the signed copy", dueOn: "2023-08-20")]
            let dpm = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: f.hidden, text: "Not safe to say more.", language: "en"), to: dpm.id, by: .commandLine)
            _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: f.redzepi, text: "Inclusion starts in the municipalities.", language: "en"), to: dpm.id, by: .commandLine)
            _ = try await Photos(database: app.db, store: app.roundtable.photos)
                .add(PhotoInput(bytes: GeneratedPicture.scene(width: 32, height: 24, seed: 1), caption: "Signing the partnership"), to: dpm.id, by: .commandLine)
            var restricted = EngagementInput(kind: "meeting", title: "Confidential briefing", start: "2023-08-08T09:00", timeZone: "Europe/Belgrade")
            restricted.visitID = visit.id
            restricted.confidentiality = "restricted"
            _ = try await Engagements(database: app.db).create(restricted, by: .commandLine)
            var partnership = AgreementInput(kind: "partnership", title: "Partnership on minority issues")
            partnership.status = "signed"
            partnership.signedOn = "2023-08-07"
            let agreement = try await Agreements(database: app.db).create(partnership, by: .commandLine)
            try await Agreements(database: app.db).link(engagement: dpm.id, to: agreement.id, as: .signed, by: .commandLine)
            _ = try await ContextEvents(database: app.db).create(ContextEventInput(title: "Tension at the bridge", kind: "tension", severity: "moderate",
                                                                                   startsOn: "2023-08-09"), by: .commandLine)

            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let path = "/visits/\(visit.id.uuidString.lowercased())"
            #expect(try await browser.get(path).text.contains("Draft the visit report"))
            let page = try await browser.get(path + "/report")
            #expect(page.status == .ok)
            #expect(page.text.contains("Emilija Redžepi — Deputy Prime Minister for Minority Issues and Human Rights"), "the title she held that day")
            #expect(page.text.contains("NGOs: 18") && page.text.contains("A partnership agreement was signed.") && page.text.contains("Inclusion starts"))
            #expect(page.text.contains("Partnership on minority issues — Signed, 2023-08-07") && page.text.contains("Send the signed copy"))
            #expect(page.text.contains("Tension at the bridge") && page.text.contains("Signing the partnership"))
            for secret in ["Miloš Jovanović", "Not safe to say more.", "Confidential briefing"] {
                #expect(!page.text.contains(secret), "an officer's copy never shows \(secret)")
            }

            let markdown = try await browser.get(path + "/report.md")
            #expect(markdown.headers.first(name: .contentType) == "text/markdown; charset=utf-8")
            #expect(markdown.body.string.hasPrefix("# August 2023 visit\n") && markdown.body.string.contains("### Meeting with the DPM"))
            #expect(markdown.body.string.contains("> Inclusion starts in the municipalities.") && !markdown.body.string.contains("Jovanovi"))

            let html = try await browser.get(path + "/report.html")
            #expect(html.body.string.hasPrefix("<!DOCTYPE html>") && html.body.string.contains("<style>") && html.body.string.contains("src=\"data:image/png;base64,"))
            #expect(!html.body.string.contains("/static/app.css"), "self-contained: no links back to the server")

            // A PDF when Chromium is on the server (CI installs it), else a page that says what to do instead.
            let pdf = try await browser.get(path + "/report.pdf")
            if PDFPrinter.find() != nil {
                #expect(pdf.status == .ok && pdf.headers.first(name: .contentType) == "application/pdf" && pdf.body.string.hasPrefix("%PDF"))
            } else {
                #expect(pdf.status == .serviceUnavailable && pdf.text.contains("apt install chromium"))
            }

            // The author writes the introduction and conclusions; saved with the version, in the visit's history.
            let written = try await browser.post(path + "/report/edit", form: ["introduction": "Four days in Pristina and Mitrovica.",
                                                                              "conclusions": "The partnership opens the ministry's door.\n\nThe north needs patience.",
                                                                              "version": "0"])
            #expect(written.status == .seeOther)
            let stale = try await browser.post(path + "/report/edit", form: ["introduction": "An older draft", "version": "0"])
            #expect(stale.status == .conflict && stale.text.contains("Four days in Pristina and Mitrovica.") && stale.text.contains("An older draft"),
                    "both versions shown, nothing lost")
            let withNarrative = try await browser.get(path + "/report")
            #expect(withNarrative.text.contains("<p>Four days in Pristina and Mitrovica.</p>") && withNarrative.text.contains("<p>The north needs patience.</p>"))
            #expect(try await browser.get(path + "/history").text.contains("report: conclusions"))
            let token = try await app.token(for: officer.email)
            let api = try await app.api(.PUT, "/api/v1/visits/\(visit.id.uuidString)/report", token: token,
                                        json: #"{"introduction":"Four days.","conclusions":"Patience.","nextSteps":"Meet again in October.","version":1}"#)
            #expect(api.status == .ok && api.headers.first(name: .eTag) == "\"2\"")
            #expect(try await browser.get(path + "/report.md").body.string.contains("## Next steps\n\nMeet again in October."))

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let theirs = Browser(app)
            try await theirs.signIn(coordinator.email)
            let full = try await theirs.get(path + "/report")
            #expect(full.text.contains("Confidential briefing") && full.text.contains("Not safe to say more."))
        }
    }

    @Test func withoutChromiumThereIsNoPrinter() {
        #expect(PDFPrinter.find(environment: ["PATH": "/nonexistent"]) == nil)
        #expect(PDFPrinter.find(environment: ["PATH": "/nonexistent", "ROUNDTABLE_CHROMIUM": "/nonexistent/chromium"]) == nil)
    }

    @Test func markdownEscapesWhatUsersTyped() {
        #expect(VisitReportMarkdown.escape("# not a heading") == "\\# not a heading")
        #expect(VisitReportMarkdown.escape("[link](http://x) *bold*") == "\\[link\\](http://x) \\*bold\\*")
        #expect(VisitReportMarkdown.escape("2023-08-07 10:00") == "2023-08-07 10:00")
        #expect(VisitReportMarkdown.escape("1. first") == "\\1. first")
    }
}
