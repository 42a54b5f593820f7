import Domain
import Features
import FluentKit
import Foundation
import Storage
import Testing

/// A PostgreSQL database brought back with pg_restore from a dump older than an erasure holds the person
/// again; `roundtable erasures replay` (this use case) erases them again from the register, once.
@Suite("Erasures made again after a restore, on whatever database the suite runs on")
struct ErasureReplayTests {
    /// The row as an older dump holds it.
    static func copy(_ model: PersonModel) -> PersonModel {
        let copy = PersonModel()
        copy.id = model.id
        copy.name = model.name
        copy.sortName = model.sortName
        copy.otherNamesJSON = model.otherNamesJSON
        copy.honorific = model.honorific
        copy.gender = model.gender
        copy.$community.id = model.$community.id
        copy.$place.id = model.$place.id
        copy.languagesJSON = model.languagesJSON
        copy.emailsJSON = model.emailsJSON
        copy.phonesJSON = model.phonesJSON
        copy.notes = model.notes
        copy.sensitivity = model.sensitivity
        copy.lawfulBasis = model.lawfulBasis
        copy.consentStored = model.consentStored
        copy.consentNamed = model.consentNamed
        copy.consentQuoted = model.consentQuoted
        copy.consentPhotographed = model.consentPhotographed
        copy.createdAt = model.createdAt
        copy.updatedAt = model.updatedAt
        copy.deletedAt = model.deletedAt
        copy.version = model.version
        return copy
    }

    @Test func anOlderCopyBringsThePersonBackAndReplayErasesThemAgainOnce() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rt-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let register = ErasureRegister(file: folder.appendingPathComponent("roundtable-erasures.jsonl"))
        try await withDatabase { db in
            var input = PersonInput(name: "Arben Krasniqi")
            input.notes = "Teacher at the school by the river."
            let person = try await People(database: db).create(input, by: .commandLine)
            let kept = try await People(database: db).create(PersonInput(name: "Drita Berisha"), by: .commandLine)
            let older = Self.copy(try #require(try await PersonModel.find(person.id, on: db)))
            let erasure = Erasure(database: db, register: register)
            _ = try await erasure.erase(person.id, reason: "Asked in writing", confirmName: "Arben Krasniqi", by: .coordinator)
            #expect(try await PersonModel.find(person.id, on: db) == nil)
            #expect(try await erasure.pending().map(\.present) == [false])

            // the dump taken before the erasure is restored: he is back
            try await older.create(on: db)
            #expect(try await erasure.pending().map(\.present) == [true])
            let replayed = try await erasure.replay()
            #expect(replayed.map(\.person) == [person.id])
            #expect(try await PersonModel.find(person.id, on: db) == nil)
            #expect(try await PersonModel.find(kept.id, on: db) != nil)

            // the audit trail says it was made again, by the command line, and why
            let entries = try await AuditLog(database: db).list(.init(action: .erase), pageSize: 10, by: .commandLine).entries
            #expect(entries.count == 2)
            #expect(entries.contains { $0.actor == "cli" && $0.changes.first?.to?.contains("made again after a restore") == true })
            #expect(!entries.contains { $0.recordLabel.contains("Arben") })

            // twice is once: nothing to do the second time, and the register did not grow
            #expect(try await erasure.replay().isEmpty)
            #expect(try await AuditLog(database: db).list(.init(action: .erase), pageSize: 10, by: .commandLine).entries.count == 2)
            #expect(try register.entries().map(\.person) == [person.id])
        }
    }
}
