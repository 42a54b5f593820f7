import Domain
@testable import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
import VaporTesting
@testable import Web

/// A person asks to be forgotten: a coordinator erases them, and every report still adds up.
@Suite("Erasure: the right to be forgotten, with the figures kept true")
struct ErasureTests {
    static let name = "Vesna Zorić", otherName = "Весна Зорић"

    /// Vesna took part in two engagements (with Bedri Hamza in one), was quoted, photographed alone and
    /// with Bedri, holds a post, and was changed once: her name is in her record, in the audit trail and in
    /// the engagements' histories.
    static func vesna(_ app: Application, _ f: RegistryFixture) async throws -> (person: UUID, engagements: [UUID]) {
        var input = PersonInput(name: name)
        input.otherNames = [otherName]
        input.gender = "woman"
        input.communityID = f.serb
        input.placeID = f.pristina
        input.notes = "Lives near the bridge; works at the youth centre."
        input.emails = ["vesna@example.org"]
        let people = People(database: app.db)
        let person = try await people.create(input, by: .commandLine)
        input.notes = "Lives near the bridge."
        _ = try await people.update(person.id, input, expectedVersion: 1, by: .commandLine)
        _ = try await Positions(database: app.db).create(PositionInput(personID: person.id, organizationID: f.dpmOffice, title: "Youth adviser",
                                                                       startsOn: "2022-01-01"), by: .commandLine)
        let engagements = Engagements(database: app.db)
        var forum = EngagementInput(kind: "open_forum", title: "Forum at the bridge", start: "2023-05-10T18:00", timeZone: "Europe/Belgrade")
        forum.participants = [ParticipantInput(personID: person.id, part: "speaker"), ParticipantInput(personID: f.hamza)]
        forum.headCounts = [HeadCount(category: "residents", count: 30)]
        let first = try await engagements.create(forum, by: .commandLine)
        var meeting = EngagementInput(kind: "meeting", title: "Youth council", start: "2023-06-01T10:00", timeZone: "Europe/Belgrade")
        meeting.participants = [ParticipantInput(personID: person.id)]
        let second = try await engagements.create(meeting, by: .commandLine)
        // her name typed into another record's text, once as written and once in capitals, then edited
        var visit = EngagementInput(kind: "meeting", title: "Call with the youth centre", start: "2023-06-02T10:00", timeZone: "Europe/Belgrade")
        visit.summary = "Spoke about VESNA ZORIĆ and the bridge."
        let call = try await engagements.create(visit, by: .commandLine)
        visit.summary = "Spoke about Vesna Zorić and the bridge; Весна Зорић will write."
        _ = try await engagements.update(call.id, visit, expectedVersion: 1, by: .commandLine)
        _ = try await FollowUps(database: app.db).add(FollowUpInput(text: "Send Vesna Zorić the minutes"), to: call.id, by: .commandLine)
        _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: person.id, speakerLabel: nil, text: "Open the bridge to cars.",
                                                              language: "en", withheld: false), to: first.id, by: .commandLine)
        let photos = Photos(database: app.db, store: app.roundtable.photos)
        let picture = GeneratedPicture.scene(width: 64, height: 40, seed: 3)
        _ = try await photos.add(PhotoInput(bytes: picture, caption: "Speaking", peopleShown: [person.id]), to: first.id, by: .commandLine)
        _ = try await photos.add(PhotoInput(bytes: picture, caption: "The panel", peopleShown: [person.id, f.hamza]), to: first.id, by: .commandLine)
        return (person.id, [first.id, second.id])
    }

    @Test func aCoordinatorErasesAParticipantAndEveryFigureStaysTrue() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (vesna, engagements) = try await Self.vesna(app, f)
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let before = try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-01-10")!, by: .commandLine).current
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let path = "/api/v1/people/\(vesna.uuidString)/erasure"

            // An officer may not; a coordinator must say why and type her name.
            let officerToken = try await app.token(for: officer.email), token = try await app.token(for: coordinator.email)
            #expect(try await app.api(.POST, path, token: officerToken, json: #"{"reason":"asked","confirmName":"Vesna Zorić"}"#).status == .forbidden)
            let wrong = try await app.api(.POST, path, token: token, json: #"{"reason":"","confirmName":"Vesna"}"#)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains("\"reason\"") && wrong.body.string.contains("\"confirmName\""))
            #expect(try await PersonModel.find(vesna, on: app.db) != nil, "nothing is erased by a refused request")

            let erased = try await app.api(.POST, path, token: token, json: #"{"reason":"Request by email of 3 December","confirmName":"vesna zoric"}"#)
            #expect(erased.status == .ok, "\(erased.body.string)")
            #expect(try await PersonModel.find(vesna, on: app.db) == nil)
            // Her address answers "gone" (410), on the person and below it, to every role: an app holding it drops it.
            for suffix in ["", "/history", "/assessments", "/subject-access"] {
                let gone = try await app.api(.GET, "/api/v1/people/\(vesna.uuidString)\(suffix)", token: token)
                #expect(gone.status == .gone && gone.body.string.contains("erased"), "\(suffix)")
            }
            #expect(try await app.api(.GET, "/api/v1/people/\(UUID().uuidString)", token: token).status == .notFound)

            // Each engagement's attendance is as it was: she is counted there, no longer named. Across the year
            // she is now counted once for each of her two engagements, as anyone counted and not named is:
            // no one can tell two head-counts apart, so "people reached" grows by one, never shrinks.
            let after = try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-01-10")!, by: .commandLine).current
            #expect(after.namedPeople == before.namedPeople - 1 && after.counted == before.counted + 2 && after.reached == before.reached + 1)
            #expect(after.engagements == before.engagements)
            #expect(after.communities.counted["Serb", default: 0] == before.communities.counted["Serb", default: 0] + 2)
            #expect(after.communities.named["Serb", default: 0] == before.communities.named["Serb", default: 0] - 1)
            for id in engagements {
                let record = try await Engagements(database: app.db).get(id, by: .commandLine)
                #expect(!record.participants.contains { $0.person.id == vesna })
                let line = try #require(record.headCounts.first { $0.category == "participants whose record was erased" })
                #expect(line.count == 1 && line.byGender == ["woman": 1] && line.byCommunity == [f.serb.uuidString.lowercased(): 1])
            }
            let forum = try await Engagements(database: app.db).get(engagements[0], by: .commandLine)
            #expect(forum.quotes.map(\.speakerLabel) == ["a participant"] && forum.quotes.first?.speaker == nil)
            #expect(forum.photos.map(\.caption) == ["The panel"], "the photo of her alone is gone, the panel stays")
            #expect(forum.photos.first?.peopleShown.map(\.id) == [f.hamza])
            #expect(try await PositionModel.query(on: app.db).filter(\.$person.$id == vesna).count() == 0)

            // The history keeps that things happened, never what they said about her.
            let trail = try await AuditEntryModel.query(on: app.db).all()
            for entry in trail {
                let written = entry.recordLabel + entry.changesJSON
                #expect(!written.contains("Vesna") && !written.contains("Весна") && !written.contains("bridge; works"), "\(entry.recordType): \(written)")
            }
            let own = trail.filter { $0.recordID == vesna }
            #expect(own.filter { $0.action == .erase }.count == 1)
            #expect(own.first { $0.action == .erase }?.changes == [FieldChange(field: "reason", from: nil, to: "Request by email of 3 December")])
            #expect(own.filter { $0.action == .update }.allSatisfy { $0.changes.allSatisfy { ($0.from ?? "erased") == "erased" && ($0.to ?? "erased") == "erased" } })
            // Search and the name look-up no longer know her.
            #expect(try await app.api(.GET, "/api/v1/search?q=vesna", token: token).body.string.contains("\"groups\":[]"))
            #expect(try await app.api(.GET, "/api/v1/search?q=Весна", token: token).body.string.contains("\"groups\":[]"))

            // On PostgreSQL, no row of any table holds her name (what a dump would hold).
            if let sql = app.db as? any SQLDatabase, sql.dialect.name == "postgresql" {
                let tables = try await sql.raw("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()").all()
                for table in try tables.map({ try $0.decode(column: "table_name", as: String.self) }) {
                    let rows = try await sql.raw("SELECT count(*) AS n FROM \(ident: table) t WHERE t::text LIKE '%Vesna%' OR t::text LIKE '%Весна%'").first()
                    #expect(try rows?.decode(column: "n", as: Int.self) == 0, "\(table)")
                }
            }
        }
    }

    /// Typing the name is what stands between a slip and an erasure that cannot be undone: an empty box
    /// never confirms, not even a name of symbols that the name folding reads as nothing (schemathesis
    /// erased such a person with `"confirmName": ""`).
    @Test func anErasureIsConfirmedOnlyByTheNameTypedAsRecorded() async throws {
        try await withRoundtable { app in
            let people = People(database: app.db)
            let symbols = try await people.create(PersonInput(name: "\u{EC7AA}"), by: .commandLine)
            let plain = try await people.create(PersonInput(name: "Drita Berisha"), by: .commandLine)
            _ = try await app.addUser("kubra@ico.example", role: .coordinator)
            let token = try await app.token(for: "kubra@ico.example")
            for (person, typed) in [(symbols.id, ""), (symbols.id, "   "), (plain.id, ""), (plain.id, "Drita")] {
                let refused = try await app.api(.POST, "/api/v1/people/\(person.uuidString)/erasure", token: token,
                                                json: #"{"reason":"asked","confirmName":"\#(typed)"}"#)
                #expect(refused.status == .unprocessableEntity && refused.body.string.contains("confirmName"), "\(typed)")
                #expect(try await PersonModel.find(person, on: app.db) != nil)
            }
            let erased = try await app.api(.POST, "/api/v1/people/\(symbols.id.uuidString)/erasure", token: token,
                                           json: #"{"reason":"asked","confirmName":"\#(symbols.name)"}"#)
            #expect(erased.status == .ok, "\(erased.body.string)")
            let confirmed = try await app.api(.POST, "/api/v1/people/\(plain.id.uuidString)/erasure", token: token,
                                              json: #"{"reason":"asked","confirmName":"drita BERISHA"}"#)
            #expect(confirmed.status == .ok, "case and accents still do not matter")
        }
    }

    @Test func whatWeHoldOnSomeoneIsEverythingTheRecordHoldsAndAskingIsAudited() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let (vesna, _) = try await Self.vesna(app, f)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let path = "/api/v1/people/\(vesna.uuidString)/subject-access"
            #expect(try await app.api(.GET, path, token: try await app.token(for: officer.email)).status == .forbidden)
            let answer = try await app.api(.GET, path, token: try await app.token(for: coordinator.email))
            #expect(answer.status == .ok)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let report = try decoder.decode(SubjectAccess.Report.self, from: Data(answer.body.readableBytesView))
            #expect(report.person.name == Self.name && report.person.otherNames == [Self.otherName])
            #expect(report.person.notes == "Lives near the bridge.")
            #expect(report.engagements.map(\.title).sorted() == ["Forum at the bridge", "Youth council"])
            #expect(report.quotes.map(\.text) == ["Open the bridge to cars."])
            #expect(report.photos.compactMap(\.caption).sorted() == ["Speaking", "The panel"] && report.photos.map(\.othersShown).sorted() == [0, 1])
            #expect(report.positions.map(\.title) == ["Youth adviser"])
            #expect(report.history.contains { $0.action == "update" } && report.history.contains { $0.action == "create" },
                    "the earlier note is in the history of changes")
            #expect(try await app.auditEntries(action: .subjectAccess).contains { $0.recordID == vesna && $0.actor == coordinator.email })
            // The readable page, for the coordinator to hand over or print.
            let browser = Browser(app)
            try await browser.signIn("kubra@ico.example")
            let page = try await browser.get("/people/\(vesna.uuidString.lowercased())/held")
            #expect(page.status == .ok && page.body.string.contains("What we hold on Vesna Zorić") && page.body.string.contains("Open the bridge to cars."))
            let json = try await browser.get("/people/\(vesna.uuidString.lowercased())/held.json")
            #expect(json.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            // Read in Serbian, her place is named in Serbian, as on her own page.
            let serbian = try await browser.get("/people/\(vesna.uuidString.lowercased())/held?lang=sr-Cyrl")
            #expect(serbian.text.contains("Шта чувамо о особи") && serbian.text.contains("Приштина") && !serbian.text.contains("Pristina"))
        }
    }

    /// "Met Arben Krasniqi and his brother": the name typed into an engagement's summary goes, whole words
    /// only, in any case, and from the engagement's history and search document too.
    @Test func herNameTypedIntoAnotherRecordsTextBecomesErased() async throws {
        try await withRoundtable { app in
            let people = People(database: app.db)
            var input = PersonInput(name: "Arben Krasniqi")
            input.otherNames = ["Beni Krasniqi"]
            let arben = try await people.create(input, by: .commandLine)
            let engagements = Engagements(database: app.db)
            var meeting = EngagementInput(kind: "meeting", title: "Meeting with arben krasniqi", start: "2023-05-10T18:00", timeZone: "Europe/Belgrade")
            meeting.summary = "Met Arben Krasniqi and his brother."
            meeting.outcomes = "Arbenita Krasniqiu will come; BENI KRASNIQI said no."
            let record = try await engagements.create(meeting, by: .commandLine)
            _ = try await Quotes(database: app.db).add(QuoteInput(speakerLabel: "a teacher", text: "Ask Arben Krasniqi.", language: "en"),
                                                       to: record.id, by: .commandLine)
            var text = RecommendationInput(title: "Open the bridge")
            text.text = "As Arben Krasniqi proposed."
            let recommendation = try await Recommendations(database: app.db).create(text, by: .commandLine)

            _ = try await Erasure(database: app.db).erase(arben.id, reason: "Asked in person", confirmName: "Arben Krasniqi", by: .commandLine)

            let after = try #require(try await EngagementModel.find(record.id, on: app.db))
            #expect(after.summary == "Met [erased] and his brother.")
            #expect(after.title == "Meeting with [erased]")
            #expect(after.outcomes == "Arbenita Krasniqiu will come; [erased] said no.", "whole words only; other names too")
            #expect(try await QuoteModel.query(on: app.db).first()?.text == "Ask [erased].")
            #expect(try await RecommendationModel.find(recommendation.id, on: app.db)?.text == "As [erased] proposed.")
            // the engagement's history held the same words: they are gone there too, and it says an erasure happened
            let history = try await AuditLog(database: app.db).history(of: record.id)
            let written = history.flatMap { [$0.recordLabel] + $0.changes.flatMap { [$0.from, $0.to].compactMap { $0 } } }.joined(separator: " ")
            #expect(!written.localizedCaseInsensitiveContains("Arben Krasniqi") && !written.contains("BENI"))
            #expect(written.contains("Met [erased] and his brother."))
            #expect(history.contains { $0.changes.contains { $0.field == "erasure" } })
            // and search no longer finds the engagement or the recommendation by the name
            // ("Krasniqiu", someone else's name, is still found by its prefix)
            let found = try await Search(database: app.db).run("krasniqi", by: .commandLine)
            #expect(found.groups.flatMap(\.hits).map(\.kind) == ["engagement"], "\(found)")
            #expect(try await Search(database: app.db).run("beni", by: .commandLine).groups.allSatisfy { $0.hits.isEmpty })
        }
    }

    @Test func noByteOfTheErasedNameIsLeftInTheSQLiteFileAndARestoreErasesHerAgain() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rt-erasure-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var config = try AppConfiguration.resolve(database: folder.appendingPathComponent("roundtable.sqlite").path, environment: [:])
        config.bcryptCost = 4
        let backupFile = folder.appendingPathComponent("before-erasure.sqlite").path
        let vesna: UUID = try await RoundtableCLI.withApp(config) { app in
            let f = try await RegistryFixture.make(app)
            return try await Self.vesna(app, f).person
        }
        _ = try await Backup.backup(config, to: backupFile)
        try await RoundtableCLI.withApp(config) { app in
            let erasure = Erasure(database: app.db, photos: app.roundtable.photos,
                                  register: config.resolvedErasureRegister.map(ErasureRegister.init(file:)))
            _ = try await erasure.erase(vesna, reason: "Request in person", confirmName: Self.name, by: .commandLine)
        }
        guard case .sqliteFile(let path) = config.database else { return }
        for file in [path, path + "-wal"] where FileManager.default.fileExists(atPath: file) {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            for needle in [Self.name, Self.otherName, "Vesna", "vesna", "VESNA", "Lives near the bridge"] {
                #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) is still in \(file)")
            }
        }
        let register = try ErasureRegister(file: try #require(config.resolvedErasureRegister)).entries()
        #expect(register.map(\.person) == [vesna])
        #expect(!String(decoding: try Data(contentsOf: try #require(config.resolvedErasureRegister)), as: UTF8.self).contains("Vesna"))

        // An older backup restored brings her back only until the register is read: the restore erases her again.
        let elsewhere = folder.appendingPathComponent("restored", isDirectory: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        var restored = try AppConfiguration.resolve(database: elsewhere.appendingPathComponent("roundtable.sqlite").path, environment: [:])
        restored.bcryptCost = 4
        restored.erasureRegisterPath = config.resolvedErasureRegister?.path
        let summary = try await Backup.restore(restored, from: backupFile)
        #expect(summary.erasedAgain == 1)
        let (left, bedri) = try await RoundtableCLI.withApp(restored) { app in
            (try await PersonModel.find(vesna, on: app.db) == nil, try await PersonModel.query(on: app.db).filter(\.$name == "Bedri Hamza").count())
        }
        #expect(left && bedri == 1)
    }
}
