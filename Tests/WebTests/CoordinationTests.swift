import Domain
@testable import Features
import FluentKit
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web

/// Scenario: before planning forums in the north, a coordinator records who else works there, reads the
/// matrix for one municipality and period, and sends the CSV to the humanitarian coordination hub.
@Suite("Who does what where: matrix, HXL export")
struct CoordinationTests {
    @Test func theMatrixAndItsHXLExportForOneMunicipality() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let wrong = try await browser.post("/coordination", form: ["organization": "Nobody Org", "theme": "", "startsOn": "2023-05-01", "endsOn": "2023-01-01"])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("id=\"f-organizationID-error\"") && wrong.text.contains("Nobody Org"))
            let saved = try await browser.post("/coordination", form: [
                "organization": "Office of the Deputy Prime Minister", "theme": "Minority rights", "startsOn": "2023-01-01",
                "placeIDs[]": f.mitrovica.uuidString.lowercased(), "contact": "Emilija Redžepi", "notes": "Align the forums",
            ])
            #expect(saved.status == .seeOther)
            var other = CoordinationInput(organizationID: f.government, theme: "=HYPERLINK(\"http://evil\")")
            other.placeIDs = [f.pristina]
            other.startsOn = "2022-01-01"
            other.endsOn = "2022-12-31"
            _ = try await Coordination(database: app.db).create(other, by: .commandLine)

            _ = try await browser.get("/coordination")
            let matrix = try await browser.get("/coordination?place=\(f.mitrovica.uuidString.lowercased())&from=2023-06-01&to=2023-06-30")
            #expect(matrix.text.contains("<th scope=\"col\">Minority rights</th>") && matrix.text.contains("Office of the Deputy Prime Minister"))
            #expect(!matrix.text.contains("HYPERLINK"), "another place and an earlier year")

            let csv = try await browser.get("/coordination/export.csv")
            #expect(csv.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let lines = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines[0] == "\u{FEFF}Organisation,Sector,Region,Municipality,Start,End,Contact")
            #expect(lines[1] == "#org,#sector,#adm1+name,#adm2+name,#date+start,#date+end,#contact+name")
            // The file is shared with other actors: a contact is named only with their consent to be named publicly.
            #expect(lines.contains("Office of the Deputy Prime Minister for Minority Issues and Human Rights,Minority rights,,Mitrovica South,2023-01-01,,"))
            let redzepi = try #require(try await PersonModel.find(f.redzepi, on: app.db))
            redzepi.consentNamed = .yes
            try await redzepi.save(on: app.db)
            let named = try await browser.get("/coordination/export.csv").body.string.components(separatedBy: "\r\n")
            #expect(named.contains("Office of the Deputy Prime Minister for Minority Issues and Human Rights,Minority rights,,Mitrovica South,2023-01-01,,Emilija Redžepi"))
            #expect(lines.contains { $0.hasPrefix("Government of Kosovo,\"'=HYPERLINK") }, "a formula is defused, not run by Excel")
            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/coordination.csv?place=\(f.mitrovica.uuidString)", token: token)
            #expect(api.status == .ok && api.body.string.contains("#org,#sector") && !api.body.string.contains("Government of Kosovo"))
        }
    }

    @Test func aRestrictedContactIsLeftOutAndKept() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var input = CoordinationInput(organizationID: f.dpmOffice, theme: "Advice")
            input.contactPersonID = f.hidden
            let activity = try await Coordination(database: app.db).create(input, by: .commandLine)
            let seen = try await Coordination(database: app.db).get(activity.id, by: .user(officer))
            #expect(seen.contact == nil)
            let rows = try await Coordination(database: app.db).hxlRows(.init(), by: .user(officer))
            #expect(!rows.flatMap { $0 }.contains("Miloš Jovanović"))
            var change = CoordinationInput(organizationID: f.dpmOffice, theme: "Advice to councillors")
            change.contactPersonID = nil
            _ = try await Coordination(database: app.db).update(activity.id, change, expectedVersion: seen.version, by: .user(officer))
            #expect(try await Coordination(database: app.db).get(activity.id, by: .commandLine).contact?.name == "Miloš Jovanović")
        }
    }

    @Test func csvCellsAreQuotedAndDefused() {
        #expect(CSV.cell("plain") == "plain")
        #expect(CSV.cell("a, b") == "\"a, b\"" && CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"" && CSV.cell("two\nlines") == "\"two\nlines\"")
        #expect(CSV.cell("=1+1") == "'=1+1" && CSV.cell("@cmd") == "'@cmd" && CSV.cell("-5") == "'-5")
        #expect(CSV.document([["a", "b"]]) == "\u{FEFF}a,b\r\n")
    }
}
