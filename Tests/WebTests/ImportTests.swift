import Domain
@testable import Features
import FluentKit
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web

/// Scenario 6: "Arta has 400 contacts in an Excel sheet" — she imports them without making a mess.
@Suite("Spreadsheet import: checked by row and column, duplicates decided, written all at once")
struct ImportTests {
    /// Excel's export on a Balkan Windows: BOM, `;`, CRLF, a quoted line break, Cyrillic, a broken encoding.
    static let excelPeople = "\u{FEFF}Emri;Email;Komuna;Shënime\r\n"
        + "Emilija REDZ?EPI;emilija@example.org;Prishtinë;\"met at the\r\nassembly\"\r\n"
        + "Драган Петровић;dragan@example;Atlantis;\r\n"
        + "Arta Krasniqi;arta@example.org;Mitrovica South;\r\n"
        + "Arta KRASNIQI;arta.k@example.org;;\r\n"
        + ";;;\r\n"

    static func table(_ text: String) throws -> CSVReader.Table { try Imports.table(Array(text.utf8)) }

    @Test func theCheckListsEveryProblemByRowAndColumnAndWritesNothing() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let before = try await PersonModel.query(on: app.db).count()
            let table = try Self.table(Self.excelPeople)
            #expect(table.separator == ";" && table.rows.map(\.number) == [2, 3, 4, 5, 6])
            let mapping = ImportMapping.guess(header: table.header, kind: .people)
            #expect(mapping.fields == ["name", "emails", "place", "notes"], "Albanian headings find their fields")
            let plan = try await Imports(database: app.db).check(.people, table: table, mapping: mapping, by: .user(officer))
            #expect(plan.rowCount == 4, "the empty row is not a row")
            let problems = plan.problems.map { "\($0.row) \($0.column) \($0.messageKey)" }
            #expect(problems.contains("3 Komuna import.unknownPlace") && problems.contains("3 Email email.invalid") && problems.count == 2)
            #expect(plan.suggestions.map { "\($0.row) \($0.likeness.rawValue) \($0.existing?.name ?? "row \($0.earlierRow ?? 0)")" }
                == ["2 broken_encoding Emilija Redžepi", "5 same_name row 4"])
            #expect(!plan.isReady(ImportDecisions(forAll: .merge)))
            await #expect(throws: DomainError.self) {
                _ = try await Imports(database: app.db).write(plan, decisions: ImportDecisions(forAll: .merge), fileName: "contacts.csv", by: .user(officer))
            }
            #expect(try await PersonModel.query(on: app.db).count() == before)
        }
    }

    /// The command line's way: checked and written together, in one transaction.
    @Test func checkingAndWritingTogetherWritesOnlyACleanDecidedFile() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let before = try await PersonModel.query(on: app.db).count()
            let imports = Imports(database: app.db)
            let table = try Self.table(Self.excelPeople)
            let mapping = ImportMapping.guess(header: table.header, kind: .people)
            let refused = try await imports.checkAndWrite(.people, table: table, mapping: mapping, decisions: ImportDecisions(forAll: .merge),
                                                          fileName: "contacts.csv", by: .user(officer))
            #expect(refused.result == nil && refused.plan.problems.count == 2)
            #expect(try await PersonModel.query(on: app.db).count() == before)

            let fixed = try Self.table(Self.excelPeople.replacingOccurrences(of: "dragan@example;Atlantis", with: "dragan@example.org;Приштина"))
            let undecided = try await imports.checkAndWrite(.people, table: fixed, mapping: mapping, decisions: ImportDecisions(byRow: [2: .merge]),
                                                            fileName: "contacts.csv", by: .user(officer))
            #expect(undecided.result == nil && undecided.plan.undecided(ImportDecisions(byRow: [2: .merge])).map(\.row) == [5])
            #expect(try await PersonModel.query(on: app.db).count() == before)

            let written = try await imports.checkAndWrite(.people, table: fixed, mapping: mapping, decisions: ImportDecisions(forAll: .merge),
                                                          fileName: "contacts.csv", by: .user(officer))
            #expect(written.result == ImportResult(created: 2, merged: 2))
            #expect(try await PersonModel.query(on: app.db).count() == before + 2)
            // Row 5 joined the person row 4 became: one Arta Krasniqi with both addresses.
            let arta = try await PersonModel.query(on: app.db).filter(\.$name == "Arta Krasniqi").all()
            #expect(arta.count == 1 && arta[0].emailsJSON.contains("arta.k@example.org"), "\(arta.map(\.emailsJSON))")
        }
    }

    @Test func aCleanDecidedFileIsWrittenAndMergedRowsAddToTheKeptRecord() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let fixed = Self.excelPeople.replacingOccurrences(of: "dragan@example;Atlantis", with: "dragan@example.org;Приштина")
            let table = try Self.table(fixed)
            let imports = Imports(database: app.db)
            let plan = try await imports.check(.people, table: table, mapping: .guess(header: table.header, kind: .people), by: .user(officer))
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            let result = try await imports.write(plan, decisions: ImportDecisions(forAll: .merge), fileName: "contacts.csv", by: .user(officer))
            #expect(result == ImportResult(created: 2, merged: 2))
            let emilija = try await People(database: app.db).get(f.redzepi, by: .commandLine)
            #expect(emilija.emails == ["emilija@example.org"] && emilija.notes == "met at the\nassembly")
            #expect(!emilija.otherNames.contains("Emilija REDZ?EPI"), "a broken spelling is not kept as a name")
            let arta = try #require(try await PersonModel.query(on: app.db).filter(\.$name == "Arta Krasniqi").first())
            #expect(JSONList.decode(arta.emailsJSON) == ["arta@example.org", "arta.k@example.org"])
            let dragan = try #require(try await PersonModel.query(on: app.db).filter(\.$name == "Драган Петровић").first())
            #expect(dragan.$place.id == f.pristina, "a place found by its Cyrillic name")
            // Found by search in another script, in the audit trail, with the import itself noted.
            let found = try await Search(database: app.db).run("dragan petrovic", by: .user(officer))
            #expect(found.groups.first?.hits.first?.id == dragan.id)
            let entries = try await AuditEntryModel.query(on: app.db).filter(\.$recordType == "import").all()
            #expect(entries.map(\.recordLabel) == ["people: contacts.csv"])
            #expect(try await AuditEntryModel.query(on: app.db).filter(\.$recordID == dragan.id).count() == 1)
            // What the import wrote is what the form would have: same audit fields, same record.
            let entry = try #require(try await AuditEntryModel.query(on: app.db).filter(\.$recordID == dragan.id).first())
            #expect(entry.changes == FieldChange.between([], dragan.auditFields) && entry.action == .create)
            let record = try await People(database: app.db).get(dragan.id!, by: .commandLine)
            #expect(record.emails == ["dragan@example.org"] && record.consent.values.allSatisfy { $0 == "unknown" } && record.version == 1)
        }
    }

    @Test func aRowThatFailsWhileWritingLeavesNothingHalfImported() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let before = try await PositionModel.query(on: app.db).count()
            let table = try Self.table("Person,Organisation,Title,From\nBedri Hamza,Government of Kosovo,Advisor,1.2.2022\n"
                                       + "Emilija Redžepi,Government of Kosovo,Minister,2022-03-01\n")
            let imports = Imports(database: app.db)
            let plan = try await imports.check(.positions, table: table, mapping: .guess(header: table.header, kind: .positions), by: .commandLine)
            #expect(plan.problems.isEmpty && plan.rowCount == 2, "\(plan.problems)")
            // Between the check and the write, the second row's person is deleted: the write stops there.
            try await People(database: app.db).delete(f.redzepi, expectedVersion: nil, by: .commandLine)
            await #expect(throws: (any Error).self) {
                _ = try await imports.write(plan, decisions: ImportDecisions(), fileName: "posts.csv", by: .commandLine)
            }
            #expect(try await PositionModel.query(on: app.db).count() == before, "the first row's position was rolled back too")
        }
    }

    @Test func engagementsWithParticipantsAreImportedAndBadCellsNamed() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let table = try Self.table("Title,Type,Date,Time,Municipality,Participants,Partners\n"
                                       + "Meeting with the DPM,Meeting,8.8.2023,10:00,Prishtinë,Emilija Redžepi; Bedri Hamza,Government of Kosovo\n"
                                       + "Forum,Open forum,31.2.2023,25:00,,Nobody Known,\n")
            let imports = Imports(database: app.db, timeZone: "Europe/Belgrade")
            let mapping = ImportMapping.guess(header: table.header, kind: .engagements)
            let bad = try await imports.check(.engagements, table: table, mapping: mapping, by: .commandLine)
            #expect(Set(bad.problems.map { "\($0.row) \($0.column) \($0.messageKey)" })
                == ["3 Date import.badDate", "3 Time import.badTime", "3 Participants import.unknownPerson"])
            let good = try Self.table(String(decoding: Array(("Title,Type,Date,Time,Municipality,Participants,Partners\n"
                + "Meeting with the DPM,Meeting,8.8.2023,10:00,Prishtinë,Emilija Redžepi; Bedri Hamza,Government of Kosovo\n").utf8), as: UTF8.self))
            let plan = try await imports.check(.engagements, table: good, mapping: mapping, by: .commandLine)
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            #expect(try await imports.write(plan, decisions: ImportDecisions(), fileName: "meetings.csv", by: .commandLine) == ImportResult(created: 1, merged: 0))
            let engagement = try #require(try await EngagementModel.query(on: app.db).filter(\.$title == "Meeting with the DPM").first())
            #expect(engagement.localStart == "2023-08-08T10:00" && engagement.timeZone == "Europe/Belgrade")
            #expect(try await ParticipationModel.query(on: app.db).filter(\.$engagementID == engagement.id!).count() == 2)
        }
    }

    @Test func onTheSiteAnOfficerUploadsMapsDecidesAndConfirms() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/imports").text.contains("enctype=\"multipart/form-data\""))
            let csv = "Full name;Mail\r\nEmilija REDZ?EPI;emilija@example.org\r\nNew Person;new@example.org\r\n"
            let boundary = "----roundtable-import"
            let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(CSRFMiddleware.field)\"\r\n\r\n\(browser.csrf ?? "")\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\npeople\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"contacts.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n"
                + "--\(boundary)--\r\n"
            let uploaded = try await browser.send(.POST, "/imports", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
            #expect(uploaded.status == .seeOther, "\(uploaded.body.string)")
            let page = try #require(uploaded.headers.first(name: .location))
            var html = try await browser.get(page).text
            // "Mail" is not a heading it knows: the email column is not imported until mapped.
            #expect(html.contains("Possible duplicates (1)") && html.contains("Nothing can be imported"))
            try await browser.post(page + "/mapping", form: ["column0": "name", "column1": "emails"])
            try await browser.post(page + "/decisions", form: ["row2": "merge"])
            html = try await browser.get(page).text
            #expect(html.contains("The file is ready: 2 rows"), "\(html)")
            #expect(try await browser.post(page + "/start").status == .seeOther)
            for _ in 0..<50 {
                html = try await browser.get(page).text
                if html.contains("Imported:") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(html.contains("Imported: 1 new, 1 merged"), "\(html)")
            let emilija = try await People(database: app.db).list({ var q = People.Query(); q.text = "redzepi"; return q }(), by: .commandLine, today: Day(utc: Date()))
            #expect(emilija.items.count == 1)
            #expect(try await browser.post(page + "/start").status != .seeOther, "an import runs once")
        }
    }
}

@Suite("Duplicates and merge")
struct MergeTests {
    @Test func aCoordinatorMergesADuplicateAndEverythingMovesToTheKeptRecord() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            var copyInput = PersonInput(name: "Emilija REDZEPI")
            copyInput.emails = ["emilija@example.org"]
            let copy = try await People(database: app.db).create(copyInput, by: .commandLine)
            _ = try await Positions(database: app.db).create(PositionInput(personID: copy.id, organizationID: f.government, title: "Member"), by: .commandLine)
            var meeting = EngagementInput(kind: "meeting", title: "Meeting", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: copy.id), ParticipantInput(personID: f.redzepi)]
            let engagement = try await Engagements(database: app.db).create(meeting, by: .commandLine)

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let candidates = try await DuplicateCandidates(database: app.db).pairs(.people, by: .user(officer))
            #expect(candidates.pairs.contains { Set([$0.first.id, $0.second.id]) == [copy.id, f.redzepi] && $0.likeness == .sameName })
            await #expect(throws: DomainError.self) { _ = try await MergeRecords(database: app.db).mergePerson(copy.id, into: f.redzepi, by: .user(officer)) }

            let browser = Browser(app)
            try await browser.signIn(coordinator.email)
            let list = try await browser.get("/duplicates").text
            #expect(list.contains("Emilija REDZEPI") && list.contains("Compare and merge"))
            let confirm = try await browser.get("/people/\(copy.id.path)/merge?into=\(f.redzepi.path)").text
            #expect(confirm.contains("1 post") && confirm.contains("1 participation"))
            #expect(try await browser.post("/people/\(copy.id.path)/merge", form: ["into": f.redzepi.uuidString]).status == .seeOther)

            let kept = try await People(database: app.db).get(f.redzepi, by: .commandLine)
            #expect(kept.emails == ["emilija@example.org"])
            #expect(try await PositionModel.query(on: app.db).filter(\.$person.$id == f.redzepi).count() == 2)
            let participants = try await ParticipationModel.query(on: app.db).filter(\.$engagementID == engagement.id).all()
            #expect(participants.map(\.personID) == [f.redzepi], "the kept person takes part once")
            #expect(try await PersonModel.find(copy.id, on: app.db)?.deletedAt != nil)
            let history = try await AuditEntryModel.query(on: app.db).filter(\.$recordID == copy.id).all().flatMap(\.changes).map(\.field)
            #expect(history.contains("mergedInto"))
            #expect(try await DuplicateCandidates(database: app.db).pairs(.people, by: .commandLine).pairs.isEmpty)
        }
    }

    @Test func notTheSameStopsThePairBeingSuggested() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let other = try await People(database: app.db).create(PersonInput(name: "Bedri Hamza"), by: .commandLine)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.GET, "/api/v1/duplicates?kind=people", token: token).body.string.contains("\"likeness\":\"same_name\""))
            #expect(try await app.api(.GET, "/api/v1/duplicates", token: token).status == .ok)
            #expect(try await app.api(.GET, "/api/v1/duplicates?kind=", token: token).status == .unprocessableEntity, "found by schemathesis")
            try await DuplicateCandidates(database: app.db).dismiss(.people, other.id, f.hamza, by: .user(officer))
            #expect(try await app.api(.GET, "/api/v1/duplicates?kind=people", token: token).body.string.contains("\"total\":0"))
            #expect(try await app.api(.POST, "/api/v1/people/\(other.id.uuidString)/merge", token: token, json: "{\"into\":\"\(f.hamza.uuidString)\"}").status == .forbidden)
        }
    }
}
