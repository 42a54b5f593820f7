import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario: after the 7 August meeting an officer records the partnership the Secretary General and the
/// Deputy Prime Minister signed, links it to the meeting, and later marks it active; the Deputy Prime
/// Minister's page and the office's page show it.
@Suite("Agreements: parties, status over time, the engagements that discussed or signed them")
struct AgreementTests {
    @Test func anOfficerRecordsThePartnershipSignedAtTheMeeting() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let meeting = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Meeting with the DPM", start: "2023-08-07T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let wrong = try await browser.post("/agreements", form: [
                "kind": "partnership", "title": "Partnership on minority issues", "status": "signed", "validUntil": "2024-01-01",
                "organizations": "Office of the Deputy Prime Minister, cosigner", "people": "Nobody Atall",
            ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("“cosigner” is not a part") && wrong.text.contains("No one in the registry is called “Nobody Atall”"))
            #expect(wrong.text.contains("Nobody Atall") && wrong.text.contains("Partnership on minority issues"), "what was typed stays")
            let undated = try await browser.post("/agreements", form: [
                "kind": "partnership", "title": "Partnership on minority issues", "status": "signed", "people": "emilija redzepi, signatory",
            ])
            #expect(undated.status == .unprocessableEntity && undated.text.contains("id=\"f-signedOn-error\""), "signed needs its day")

            let saved = try await browser.post("/agreements", form: [
                "kind": "partnership", "title": "Partnership on minority issues", "status": "signed", "signedOn": "2023-08-07",
                "organizations": "Office of the Deputy Prime Minister, signatory", "people": "emilija redzepi, signatory\nBedri Hamza, witness",
                "topics": "minority rights, human rights", "confidentiality": "public",
            ])
            #expect(saved.status == .seeOther)
            let id = try #require(try await Agreements(database: app.db).list(.init(), by: .user(officer)).items.first?.id)
            var agreement = try await Agreements(database: app.db).get(id, by: .user(officer))
            #expect(agreement.parties.map(\.part) == [.signatory, .witness, .signatory], "the office first, then people by name")
            #expect(agreement.statusHistory.map(\.effectiveOn.description) == ["2023-08-07"], "first step dated the day it was signed")

            let path = "/engagements/\(meeting.id.uuidString.lowercased())"
            #expect(try await browser.get(path).text.contains("Link an agreement"))
            let linked = try await browser.post(path + "/agreements", form: ["agreementID": id.uuidString.lowercased(), "link": "signed"])
            #expect(linked.status == .seeOther)
            _ = try await browser.get(path)
            #expect(try await browser.get(path).text.contains("Partnership on minority issues"))

            let edit = try await browser.post("/agreements/\(id.uuidString.lowercased())", form: [
                "kind": "partnership", "title": "Partnership on minority issues", "status": "active", "statusOn": "2023-09-01", "signedOn": "2023-08-07",
                "organizations": "Office of the Deputy Prime Minister, signatory", "people": "Emilija Redžepi, signatory\nBedri Hamza, witness",
                "topics": "minority rights, human rights", "confidentiality": "public", "version": String(agreement.version),
            ])
            #expect(edit.status == .seeOther)
            agreement = try await Agreements(database: app.db).get(id, by: .user(officer))
            #expect(agreement.statusHistory.map { "\($0.effectiveOn) \($0.status.rawValue)" } == ["2023-08-07 signed", "2023-09-01 active"])
            #expect(agreement.engagements.map(\.link) == [.signed] && agreement.engagements.first?.day == "2023-08-07")

            let page = try await browser.get("/agreements/\(id.uuidString.lowercased())")
            #expect(page.text.contains("Meeting with the DPM") && page.text.contains("1 September 2023 — Active"))
            #expect(try await browser.get("/people/\(f.redzepi.uuidString.lowercased())").text.contains("Partnership on minority issues"))
            #expect(try await browser.get("/organizations/\(f.dpmOffice.uuidString.lowercased())").text.contains("Partnership on minority issues"))
        }
    }

    @Test func aRestrictedPartyStaysHiddenAndKeptWhenAnOfficerSaves() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var input = AgreementInput(kind: "memorandum_of_understanding", title: "Memorandum with the advisors")
            input.parties = [AgreementPartyInput(personID: f.redzepi, part: "signatory"), AgreementPartyInput(personID: f.hidden, part: "witness")]
            let agreement = try await Agreements(database: app.db).create(input, by: .commandLine)
            let seen = try await Agreements(database: app.db).get(agreement.id, by: .user(officer))
            #expect(seen.parties.compactMap(\.person?.name) == ["Emilija Redžepi"], "the restricted witness is not shown")
            #expect(try await Agreements(database: app.db).partyTo(personID: f.hidden, by: .user(officer)).isEmpty, "nor can they be looked up through it")

            var change = input
            change.parties = [AgreementPartyInput(personID: f.redzepi, part: "signatory")]
            change.notes = "Checked by the officer"
            _ = try await Agreements(database: app.db).update(agreement.id, change, expectedVersion: seen.version, by: .user(officer))
            let all = try await Agreements(database: app.db).get(agreement.id, by: .commandLine)
            #expect(all.parties.compactMap(\.person?.name).sorted() == ["Emilija Redžepi", "Miloš Jovanović"], "kept though the officer could not see them")

            var secret = AgreementInput(kind: "grant", title: "Grant for the safe house")
            secret.confidentiality = "restricted"
            await #expect(throws: DomainError.self) { try await Agreements(database: app.db).create(secret, by: .user(officer)) }
            let hidden = try await Agreements(database: app.db).create(secret, by: .commandLine)
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.GET, "/api/v1/agreements/\(hidden.id.uuidString)", token: token).status == .notFound)
            #expect(!(try await app.api(.GET, "/api/v1/agreements", token: token)).body.string.contains("safe house"))
        }
    }

    @Test func theAPIKeepsVersionsAndAddsAStatusStep() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let created = try await app.api(.POST, "/api/v1/agreements", token: token, json: """
                {"kind":"letter_of_intent","title":"Letter of intent with the DPM office","parties":[{"organizationID":"\(f.dpmOffice.uuidString)","part":"signatory"}],"statusOn":"2023-07-01"}
                """)
            #expect(created.status == .created, "\(created.body.string)")
            let location = try #require(created.headers.first(name: .location))
            let id = try JSONDecoder().decode([String: JSONValue].self, from: created.body)["id"]
            #expect(id == .string(String(location.split(separator: "/").last!)), "the address names the agreement as its id does")
            let bad = try await app.api(.PATCH, location, token: token, json: #"{"status":"signed","version":1}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("signedOn"))
            let signed = try await app.api(.PATCH, location, token: token, json: #"{"status":"signed","signedOn":"2023-08-07","statusOn":"2023-08-07"}"#,
                                           headers: ["If-Match": "\"1\""])
            #expect(signed.status == .ok)
            let steps = try JSONDecoder().decode(Steps.self, from: Data(signed.body.readableBytesView)).statusHistory
            #expect(steps.map { "\($0.effectiveOn) \($0.status)" } == ["2023-07-01 draft", "2023-08-07 signed"], "a draft dated statusOn, then signed")
            let stale = try await app.api(.PATCH, location, token: token, json: #"{"title":"Changed"}"#, headers: ["If-Match": "\"1\""])
            #expect(stale.status == .preconditionFailed)
            let byOffice = try await app.api(.GET, "/api/v1/agreements?organization=\(f.dpmOffice.uuidString)&status=signed", token: token)
            #expect(byOffice.body.string.contains("Letter of intent with the DPM office"))
        }
    }

    @Test func theSignedCopyIsAddedAsAPDFAndOnlyAPDF() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let agreement = try await Agreements(database: app.db).create(AgreementInput(kind: "partnership", title: "Partnership"), by: .commandLine)
            let path = "/agreements/\(agreement.id.uuidString.lowercased())"
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            func upload(_ name: String, _ content: String, title: String) async throws -> TestingHTTPResponse {
                let boundary = "----roundtable-test"
                let body = [("_csrf", browser.csrf ?? ""), ("title", title)]
                    .map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/pdf\r\n\r\n\(content)\r\n--\(boundary)--\r\n"
                return try await browser.send(.POST, path + "/documents", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
            }
            let fake = try await upload("signed.pdf", "MZ not a pdf at all", title: "Signed copy")
            #expect(fake.status == .unprocessableEntity && fake.text.contains("id=\"doc-file-error\"") && fake.text.contains("This file is not a PDF."))
            #expect(fake.text.contains("value=\"Signed copy\""), "the title typed stays")
            let real = try await upload("scan.bin", "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF", title: "Signed copy, 7 August 2023")
            #expect(real.status == .seeOther)
            let documents = try await AgreementDocuments(database: app.db, store: app.roundtable.documents).list(of: agreement.id, by: .user(officer))
            let document = try #require(documents.first)
            let file = try await browser.get("/documents/\(document.id.uuidString.lowercased())")
            #expect(file.status == .ok && file.headers.first(name: .contentType) == "application/pdf" && file.body.string.hasPrefix("%PDF-1.7"))
            #expect(file.headers.first(name: "Content-Disposition") == "attachment; filename=\"Signed-copy--7-August-2023.pdf\"")

            var secret = AgreementInput(kind: "grant", title: "Grant for the safe house")
            secret.confidentiality = "restricted"
            let hidden = try await Agreements(database: app.db).create(secret, by: .commandLine)
            let kept = try await AgreementDocuments(database: app.db, store: app.roundtable.documents)
                .add(Array("%PDF-1.4 secret".utf8), title: "Budget", to: hidden.id, by: .commandLine)
            #expect(try await browser.get("/documents/\(kept.id.uuidString.lowercased())").status == .notFound)
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.GET, "/api/v1/documents/\(kept.id.uuidString)/file", token: token).status == .notFound)
        }
    }

    struct Steps: Decodable {
        struct Step: Decodable { var status: String, effectiveOn: String }
        var statusHistory: [Step]
    }

    @Test func theDaysOfAnAgreement() {
        #expect(AgreementDays.problems(status: .draft, signedOn: nil, validUntil: nil).isEmpty)
        #expect(AgreementDays.problems(status: .active, signedOn: nil, validUntil: nil) == [.signedDayMissing])
        #expect(AgreementDays.problems(status: .signed, signedOn: Day("2023-08-07"), validUntil: Day("2023-08-06")) == [.endsBeforeSigned])
    }
}
