import Domain
import Features
import FluentKit
import Foundation
import Storage
import Testing
@testable import Web

@Suite("The roundtable command's work, against a SQLite file")
struct CommandLineTests {
    func withDatabaseFile(_ body: (AppConfiguration) async throws -> Void) async throws {
        try await withDatabaseFolder { _, config in try await body(config) }
    }

    /// A file holding the demo, as `roundtable demo` leaves it (see `DemoTemplate`).
    func withDemoDatabaseFile(_ body: (AppConfiguration) async throws -> Void) async throws {
        try await withDatabaseFolder { folder, config in
            try await DemoTemplate.shared.copy(into: folder)
            try await body(config)
        }
    }

    /// A folder of the test's own, removed at the end, and a configuration with its SQLite file there.
    private func withDatabaseFolder(_ body: (URL, AppConfiguration) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rt-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = try AppConfiguration.resolve(database: directory.appendingPathComponent(DemoTemplate.databaseFile).path, environment: [:])
        config.bcryptCost = 4
        try await body(directory, config)
    }

    @Test func addingListingDisablingAndTokensWorkAcrossRuns() async throws {
        try await withDatabaseFile { config in
            try await RoundtableCLI.migrate(config)
            let admin = try await RoundtableCLI.addUser(config, email: "James@ICO.example", name: "James Holmes", role: "admin", password: "correct horse battery")
            #expect(admin.email == "james@ico.example")
            #expect(admin.generatedPassword == nil)
            let officer = try await RoundtableCLI.addUser(config, email: "arta@ico.example", name: "Arta", role: "officer", password: nil)
            #expect((officer.generatedPassword?.count ?? 0) >= 12)
            let users = try await RoundtableCLI.listUsers(config)
            #expect(users.map(\.email).sorted() == ["arta@ico.example", "james@ico.example"])
            let token = try await RoundtableCLI.createToken(config, email: "arta@ico.example", label: "script")
            #expect(token.hasPrefix("rt_"))
            let disabled = try await RoundtableCLI.disableUser(config, email: "ARTA@ico.example")
            #expect(disabled.isDisabled)
            let generated = try await RoundtableCLI.setPassword(config, email: "james@ico.example", password: nil)
            #expect(generated != nil)
            // nothing to reset yet; then an administrator who lost phone and recovery codes gets back in
            #expect(try await RoundtableCLI.resetTwoFactor(config, email: "james@ico.example") == false)
            try await RoundtableCLI.withApp(config) { app in
                let james = try await UserLookup.byEmail("james@ico.example", on: app.db).summary
                let twoFactor = TwoFactor(database: app.db)
                let secret = try #require(Base32.decode(try await twoFactor.begin(userID: james.id)))
                _ = try await twoFactor.confirm(code: TOTP(secret: secret).code(at: Date()), by: .user(james))
            }
            #expect(try await RoundtableCLI.resetTwoFactor(config, email: "james@ico.example") == true)
            let entries = try await RoundtableCLI.withApp(config) { app in
                try await AuditLog(database: app.db).list(.init(action: .twoFactorReset), pageSize: 10, by: .commandLine).entries
            }
            #expect(entries.map(\.actor) == ["cli"])
            #expect(entries.map(\.recordLabel) == ["james@ico.example"])
        }
    }

    @Test func errorsAreOneLineThatSaysWhatToFix() async throws {
        try await withDatabaseFile { config in
            do {
                _ = try await RoundtableCLI.addUser(config, email: "bad", name: "X", role: "emperor", password: "short")
                Issue.record("should have failed")
            } catch {
                let line = RoundtableCLI.describe(error)
                #expect(line.contains("email: Enter an email address"))
                #expect(line.contains("role: Choose one of"))
                #expect(!line.contains("\n"))
            }
            do {
                _ = try await RoundtableCLI.disableUser(config, email: "nobody@ico.example")
                Issue.record("should have failed")
            } catch {
                #expect(RoundtableCLI.describe(error) == "No user with that identity.")
            }
        }
    }

    @Test func theDemoLoadsOnceWithOneUserPerRole() async throws {
        try await withDatabaseFile { config in
            let first = try await RoundtableCLI.loadDemo(config)
            #expect(first.usersAdded == 4)
            #expect(first.peopleAdded > 300)
            let again = try await RoundtableCLI.loadDemo(config)
            #expect(again.usersAdded == 0 && again.peopleAdded == 0)
            let roles = try await RoundtableCLI.listUsers(config).map(\.role)
            #expect(Set(roles) == Set(Role.allCases))
        }
    }

    @Test("where the data lives", arguments: [
        ("roundtable.sqlite", DatabaseLocation.sqliteFile("roundtable.sqlite")),
        ("sqlite:///var/lib/roundtable/data.sqlite", .sqliteFile("/var/lib/roundtable/data.sqlite")),
        ("postgres://app@127.0.0.1:5432/roundtable", .postgres("postgres://app@127.0.0.1:5432/roundtable")),
        ("sqlite::memory:", .sqliteMemory),
    ])
    func databaseLocations(raw: String, expected: DatabaseLocation) throws {
        #expect(try DatabaseLocation.parse(raw) == expected)
    }

    @Test func unknownDatabaseKindsAndPortsAreClearErrors() throws {
        #expect(throws: DatabaseLocation.ParseError.self) { try DatabaseLocation.parse("mysql://localhost/x") }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(environment: ["ROUNDTABLE_PORT": "eighty"]) }
        #expect(DatabaseLocation.postgres("postgres://app:hunter2@db/x").description.contains("hunter2") == false)
        #expect(try AppConfiguration.resolve(environment: [:]).database == .sqliteFile("./roundtable.sqlite"))
        #expect(try AppConfiguration.resolve(database: "x.sqlite", environment: ["DATABASE_URL": "y.sqlite"]).database == .sqliteFile("x.sqlite"))
    }

    /// A backup taken while an officer keeps adding people reports what it holds — the restored copy's
    /// counts — not the live database's a moment later.
    @Test func aBackupDuringWritesReportsTheSnapshotsCounts() async throws {
        try await withDemoDatabaseFile { config in
            guard case .sqliteFile(let path) = config.database else { return }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let backupFile = folder.appendingPathComponent("during-writes.sqlite").path
            let made = try await RoundtableCLI.withApp(config) { app in
                let writer = Task {
                    for index in 0..<400 where !Task.isCancelled {
                        _ = try await People(database: app.db).create(PersonInput(name: "Added during the backup \(index)"), by: .commandLine)
                    }
                }
                defer { writer.cancel() }
                try await Task.sleep(for: .milliseconds(20))
                return try await Backup.backup(config, to: backupFile)
            }
            let elsewhere = folder.appendingPathComponent("restored-during", isDirectory: true)
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            var restoredConfig = try AppConfiguration.resolve(database: elsewhere.appendingPathComponent("roundtable.sqlite").path, environment: [:])
            restoredConfig.bcryptCost = 4
            let restored = try await Backup.restore(restoredConfig, from: backupFile)
            #expect(made.people == restored.people && made.engagements == restored.engagements, "\(made) against \(restored)")
        }
    }

    /// A backup made from the demo, restored into a new file next to it, has every record and every photo.
    @Test func aBackupRestoresEveryRecordAndPhoto() async throws {
        try await withDemoDatabaseFile { config in
            guard case .sqliteFile(let path) = config.database else { return }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            let backupFile = folder.appendingPathComponent("roundtable-backup.sqlite").path
            let made = try await Backup.backup(config, to: backupFile)
            #expect(made.people > 10 && made.engagements > 5 && made.files >= 4, "\(made)")

            let elsewhere = folder.appendingPathComponent("restored", isDirectory: true)
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            var restoredConfig = try AppConfiguration.resolve(database: elsewhere.appendingPathComponent("roundtable.sqlite").path, environment: [:])
            restoredConfig.bcryptCost = 4
            let restored = try await Backup.restore(restoredConfig, from: backupFile)
            #expect(restored == made)
            for relative in Backup.regularFiles(under: config.resolvedPhotoDirectory) {
                let original = try Data(contentsOf: config.resolvedPhotoDirectory.appendingPathComponent(relative))
                #expect(try Data(contentsOf: restoredConfig.resolvedPhotoDirectory.appendingPathComponent(relative)) == original, "\(relative)")
            }
            let users = try await RoundtableCLI.listUsers(restoredConfig)
            #expect(users.count == 4)

            // Never over a database that exists, nor into a backup file that exists.
            await #expect(throws: RoundtableCLI.CommandFailure.self) { _ = try await Backup.restore(restoredConfig, from: backupFile) }
            await #expect(throws: RoundtableCLI.CommandFailure.self) { _ = try await Backup.backup(config, to: backupFile) }

            // Into a folder that does not exist: one line naming the folder and what to do, nothing left behind.
            let missing = folder.appendingPathComponent("no-such-folder/deeper", isDirectory: true)
            var nowhere = try AppConfiguration.resolve(database: missing.appendingPathComponent("roundtable.sqlite").path, environment: [:])
            nowhere.bcryptCost = 4
            do {
                _ = try await Backup.restore(nowhere, from: backupFile)
                Issue.record("restore into a missing folder should have failed")
            } catch {
                let line = RoundtableCLI.describe(error)
                #expect(error is RoundtableCLI.CommandFailure)
                #expect(line.contains("The folder \(missing.path) does not exist"), "\(line)")
                #expect(line.contains("mkdir -p"))
                #expect(!line.contains("\n"))
            }
            #expect(!FileManager.default.fileExists(atPath: missing.path))
        }
    }

    @Test func importChecksFirstThenWritesOnlyWhenCleanAndDecided() async throws {
        try await withDemoDatabaseFile { config in
            guard case .sqliteFile(let path) = config.database else { return }
            let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("contacts.csv")
            try Data("Ime;Mail\r\nEmilija REDZ?EPI;emilija@example.org\r\nNova Osoba;nova@example\r\n".utf8).write(to: file)
            var options = RoundtableCLI.ImportOptions(kind: "people", file: file.path)
            options.dryRun = true
            options.mappings = ["Mail=emails"]
            let check = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(check.failed && !check.wrote)
            #expect(check.report.contains { $0.hasPrefix("  row 3, \"Mail\": Enter an email address") }, "\(check.report)")
            #expect(check.report.contains { $0.contains("row 2 \"Emilija REDZ?EPI\" looks like \"Emilija Redžepi\" (in the record)") })

            try Data("Ime;Mail\r\nEmilija REDZ?EPI;emilija@example.org\r\nNova Osoba;nova@example.org\r\n".utf8).write(to: file)
            // A clean file with a duplicate undecided: the dry run says the import would stop, and fails as it would.
            let dryUndecided = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(dryUndecided.failed && !dryUndecided.wrote)
            #expect(dryUndecided.report.last!.contains("would stop until the 1 possible duplicate(s) are decided"), "\(dryUndecided.report)")
            options.dryRun = false
            let undecided = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(undecided.failed && !undecided.wrote && undecided.report.last!.contains("--duplicates merge"))
            options.mergeRows = [2]
            options.dryRun = true
            let dryDecided = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(!dryDecided.failed && !dryDecided.wrote && dryDecided.report.last!.contains("ready to import"))
            options.dryRun = false
            let lines = LinesSeen()
            let done = try await RoundtableCLI.importFile(config, options) { lines.add($0) }
            #expect(done.wrote && !done.failed && done.report.last == "Imported: 1 new, 1 merged into records already kept.")
            #expect(lines.all.contains("Written 1 of 1…") || lines.all.contains("Written 2 of 2…"), "\(lines.all)")
            await #expect(throws: RoundtableCLI.CommandFailure.self) {
                _ = try await RoundtableCLI.importFile(config, RoundtableCLI.ImportOptions(kind: "donors", file: file.path)) { _ in }
            }
        }
    }

    /// The same rule as the site's mapping step: two columns filling one field is a problem, never a silent move.
    @Test func aFieldMappedToTwoColumnsIsAProblemAsOnTheSite() async throws {
        try await withDemoDatabaseFile { config in
            guard case .sqliteFile(let path) = config.database else { return }
            let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("two-addresses.csv")
            try Data("Name;Email;Mail\r\nNova Osoba;old@example.org;nova@example.org\r\n".utf8).write(to: file)
            var options = RoundtableCLI.ImportOptions(kind: "people", file: file.path)
            options.mappings = ["Mail=emails"]
            let twice = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(twice.failed && !twice.wrote)
            #expect(twice.report.contains { $0.contains("Two columns fill “emails”") }, "\(twice.report)")

            options.mappings = ["Mail=emails", "Email="]
            let done = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(done.wrote && !done.failed, "\(done.report)")
            let emails = try await RoundtableCLI.withApp(config) { app in
                try await PersonModel.query(on: app.db).filter(\.$name == "Nova Osoba").all().map(\.emailsJSON)
            }
            #expect(emails == ["[\"nova@example.org\"]"])
        }
    }

    /// A file of more than one batch is written while it is checked; a problem near its end still leaves nothing.
    @Test func aProblemNearTheEndOfALargeFileLeavesNothingWritten() async throws {
        try await withDemoDatabaseFile { config in
            guard case .sqliteFile(let path) = config.database else { return }
            let file = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("large.csv")
            func sheet(badRow: Int?) -> Data {
                var text = "Name;Email\r\n"
                for index in 0..<2_600 {
                    let email = index + 2 == badRow ? "person\(index)@example" : "person\(index)@example.org"
                    text += (index == 0 ? "Zana Dukagjini" : "Besa Qyteti\(index)") + ";\(email)\r\n"
                }
                // Row 2602: the first row's person again, with another address.
                return Data((text + "Zana Dukagjini;zana@example.org\r\n").utf8)
            }
            let (before, entriesBefore) = try await RoundtableCLI.withApp(config) { app in
                (try await PersonModel.query(on: app.db).count(), try await AuditEntryModel.query(on: app.db).count())
            }

            try sheet(badRow: 2_550).write(to: file)
            var options = RoundtableCLI.ImportOptions(kind: "people", file: file.path)
            options.duplicates = "new"
            options.mergeRows = [2_602]
            let failed = try await RoundtableCLI.importFile(config, options) { _ in }
            #expect(failed.failed && !failed.wrote)
            #expect(failed.report.contains { $0.hasPrefix("  row 2550, \"Email\": Enter an email address") }, "\(failed.report)")
            let (people, entries) = try await RoundtableCLI.withApp(config) { app in
                (try await PersonModel.query(on: app.db).count(), try await AuditEntryModel.query(on: app.db).count())
            }
            #expect(people == before && entries == entriesBefore)

            try sheet(badRow: nil).write(to: file)
            let lines = LinesSeen()
            let done = try await RoundtableCLI.importFile(config, options) { lines.add($0) }
            #expect(done.wrote && done.report.last == "Imported: 2600 new, 1 merged into records already kept.", "\(done.report.suffix(3))")
            #expect(lines.all.contains("Written 2601 of 2601…"), "\(lines.all)")
            let (count, zana) = try await RoundtableCLI.withApp(config) { app in
                (try await PersonModel.query(on: app.db).count(),
                 try await PersonModel.query(on: app.db).filter(\.$name == "Zana Dukagjini").all().map(\.emailsJSON))
            }
            #expect(count == before + 2_600)
            // The repeated row was merged into the person its first row became: both addresses, one person.
            #expect(zana.count == 1 && zana[0].contains("person0@example.org") && zana[0].contains("zana@example.org"), "\(zana)")
        }
    }

    @Test func everyKindExportsAsCSVFromTheCommandLine() async throws {
        try await withDemoDatabaseFile { config in
            let people = try await RoundtableCLI.export(config, kind: "people")
            #expect(people.hasPrefix("\u{FEFF}id,name,other_names,"))
            #expect(people.contains("Emilija Redžepi") && people.contains("Miloš Jovanović"), "the operator sees everyone")
            let engagements = try await RoundtableCLI.export(config, kind: "engagements")
            #expect(engagements.contains("Bedri Hamza (host)") && engagements.contains("25 community representatives"))
            await #expect(throws: RoundtableCLI.CommandFailure.self) { _ = try await RoundtableCLI.export(config, kind: "users") }
        }
    }

    @Test func exportAllWritesAZipOfJSONAndNeverOverwrites() async throws {
        try await withDemoDatabaseFile { config in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rt-export-\(UUID().uuidString).zip")
            defer { try? FileManager.default.removeItem(at: file) }
            let counts = try await RoundtableCLI.exportAll(config, to: file.path)
            #expect(counts.map(\.file) == DatabaseExport.files)
            let zip = try DatabaseExportTests.unzip(try Data(contentsOf: file))
            #expect(zip.manifest["exportedBy"] as? String == "cli" && zip.manifest["includesRestricted"] as? Bool == true)
            let people = (zip.files["people.json"] ?? []).compactMap { $0["name"] as? String }
            #expect(people.contains("Miloš Jovanović"), "the operator sees everyone")
            for (file, count) in counts { #expect(zip.files[file]?.count == count, "\(file)") }
            #expect(counts.first { $0.file == "engagements.json" }.map { $0.count > 0 } == true)

            let before = try Data(contentsOf: file)
            await #expect(throws: RoundtableCLI.CommandFailure.self) { _ = try await RoundtableCLI.exportAll(config, to: file.path) }
            #expect(try Data(contentsOf: file) == before, "the existing file is untouched")
        }
    }
}

/// Progress lines a command printed, for checking.
final class LinesSeen: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
