import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// "Exports of everything they put in": each kind as CSV that Excel opens, with what the reader may see only.
@Suite("CSV exports of every person, organisation and engagement")
struct ExportTests {
    @Test func anOfficersExportLeavesOutRestrictedPeopleAndEngagements() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            var meeting = EngagementInput(kind: "meeting", title: "=HYPERLINK(\"http://evil\")", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: f.redzepi, part: "host"), ParticipantInput(personID: f.hidden)]
            _ = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            var secret = EngagementInput(kind: "meeting", title: "Restricted briefing", start: "2023-08-09T10:00", timeZone: "Europe/Belgrade")
            secret.confidentiality = "restricted"
            _ = try await Engagements(database: app.db).create(secret, by: .commandLine)

            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/people").text.contains("/people/export.csv"))
            let people = try await browser.get("/people/export.csv")
            #expect(people.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(people.body.string.hasPrefix("\u{FEFF}id,name,") && people.body.string.contains("Emilija Redžepi"))
            #expect(!people.body.string.contains("Miloš"))
            let engagements = try await browser.get("/engagements/export.csv").body.string
            #expect(engagements.contains("Emilija Redžepi (host)") && !engagements.contains("Miloš") && !engagements.contains("Restricted briefing"))
            #expect(engagements.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "a formula is defused")
            #expect(try await browser.get("/organizations/export.csv").body.string.contains("Office of the Deputy Prime Minister"))
            #expect(try await browser.get("/places/export.csv").body.string.contains("en: Mitrovica South; sq: Mitrovicë e Jugut"))
            var partnership = AgreementInput(kind: "partnership", title: "Partnership on minority issues")
            partnership.parties = [AgreementPartyInput(personID: f.redzepi, part: "signatory"), AgreementPartyInput(personID: f.hidden, part: "witness")]
            _ = try await Agreements(database: app.db).create(partnership, by: .commandLine)
            let agreements = try await browser.get("/agreements/export.csv").body.string
            #expect(agreements.contains("Emilija Redžepi (signatory)") && !agreements.contains("Miloš"))
            #expect(try await browser.get("/recommendations/export.csv").body.string.hasPrefix("\u{FEFF}id,title,text,"))
            #expect(try await browser.get("/context-events/export.csv").body.string.hasPrefix("\u{FEFF}id,title,kind,"))

            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/people.csv", token: token)
            #expect(api.status == .ok && !api.body.string.contains("Miloš"))
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            #expect(try await app.api(.GET, "/api/v1/people.csv", token: try await app.token(for: coordinator.email)).body.string.contains("Miloš Jovanović"))
        }
    }
}

@Suite("Multipart bodies that crashed MultipartKit are refused first")
struct MultipartGuardTests {
    @Test func aNonASCIIByteInAHeaderNameIsRefusedAndUTF8InValuesIsNot() {
        let crash = Array("--b\r\nÐ--b--\r\n".utf8)
        #expect(!MultipartGuard.headerNamesAreASCII(crash, boundary: "b"))
        let browser = Array("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Zvečan.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nÐÐÐ\r\n--b--\r\n".utf8)
        #expect(MultipartGuard.headerNamesAreASCII(browser, boundary: "b"), "UTF-8 in a value and in the content is fine")
    }

    @Test func theServerAnswers400InsteadOfStopping() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let meeting = try await Engagements(database: app.db).create(EngagementInput(kind: "meeting", title: "Upload target", start: "2023-08-08T10:00",
                                                                                         timeZone: "Europe/Belgrade"), by: .commandLine)
            _ = f
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let response = try await app.sendRequest(.POST, "/api/v1/engagements/\(meeting.id.uuidString)/photos", headers: [
                "Authorization": "Bearer \(token)", "Content-Type": "multipart/form-data; boundary=b",
            ], body: ByteBuffer(string: "--b\r\nÐ--b--\r\n"))
            #expect(response.status == .badRequest)
            #expect(try await app.api(.GET, "/api/v1/me", token: token).status == .ok, "still serving")
        }
    }
}
