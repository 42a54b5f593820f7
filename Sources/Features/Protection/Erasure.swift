import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Erasing a person, as the GDPR's right to erasure and the ICRC handbook ask, the way CiviCRM's "forget
/// me" does it: what identifies them goes, the fact that an erasure happened stays.
///
/// Their record (names, other names, contacts, notes), consent history, positions, memberships and photo
/// tags go; photos that show only them go; quotes become "a participant"'s; each participation becomes one
/// person counted in that engagement's head-counts, under their community and gender, so every report's
/// figures stay true. Every earlier audit entry about them keeps that a change happened but reads "erased"
/// for what it said; their names are taken out of every other entry too. One new entry records who erased
/// which record (by identifier), when and why. Their names typed into other records' free text become
/// "[erased]" there and in those records' histories (`Erasure+FreeText`). All in one transaction; on SQLite the file is then rewritten
/// (`Compaction`) so no deleted page still holds their name.
public struct Erasure: Sendable {
    public let database: any Database
    /// The language the head-count line and the quote's speaker are written in (the site's).
    public let text: Localizer
    public let photos: PhotoStore?
    public let register: ErasureRegister?

    public init(database: any Database, text: Localizer = Localizer(), photos: PhotoStore? = nil, register: ErasureRegister? = nil) {
        self.database = database
        self.text = text
        self.photos = photos
        self.register = register
    }

    /// What stands where something was erased, in the audit trail.
    public static let erased = "erased"

    public struct Receipt: Sendable, Equatable, Codable {
        public var personID: UUID
        public var erasedAt: Date
        /// Engagements whose head-counts now count the person.
        public var engagements: Int
        public var photosRemoved: Int
        public var quotesKept: Int
    }

    /// - Parameters:
    ///   - confirmName: the person's name as typed by whoever erases, to confirm it is this person.
    public func erase(_ id: UUID, reason: String, confirmName: String, by actor: Actor, now: Date = Date()) async throws -> Receipt {
        try await erase(id, reason: reason, confirmName: confirmName, confirming: true, by: actor, now: now)
    }

    /// Erasures in the register that a restored database does not know of yet, made again (from the command
    /// line, without the typed name): the people they erased are back from the backup. `roundtable restore`
    /// runs it for SQLite; after `pg_restore`, `roundtable erasures replay` does. Whoever is no longer in the
    /// database is skipped, so running it twice erases nothing the second time. Returns the register's
    /// entries that were made again, in the register's order.
    @discardableResult
    public func replay(by actor: Actor = .commandLine, now: Date = Date()) async throws -> [ErasureRegister.Entry] {
        guard let register else { return [] }
        var replayed: [ErasureRegister.Entry] = []
        var seen: Set<UUID> = []
        for entry in try register.entries() where seen.insert(entry.person).inserted {
            guard try await PersonModel.find(entry.person, on: database) != nil else { continue }
            _ = try await erase(entry.person, reason: "erasure of \(entry.at) made again after a restore", confirmName: "",
                                confirming: false, by: actor, now: now, registering: false)
            replayed.append(entry)
        }
        return replayed
    }

    /// The register's entries, each with whether the person is in the database again (and so would be
    /// erased by `replay`).
    public func pending() async throws -> [(entry: ErasureRegister.Entry, present: Bool)] {
        guard let register else { return [] }
        var out: [(entry: ErasureRegister.Entry, present: Bool)] = []
        for entry in try register.entries() {
            out.append((entry, try await PersonModel.find(entry.person, on: database) != nil))
        }
        return out
    }

    /// Whether what was typed is the person's name, as the name search compares (case, accents, script).
    /// A name of characters that folding drops (symbols only) must then be typed as it is: an empty
    /// confirmation never matches an empty folding (schemathesis erased "\u{EC7AA}" with "").
    static func confirms(_ typed: String, _ name: String) -> Bool {
        let folded = NameFolding.fold(name)
        return folded.isEmpty ? typed == name.trimmingWhitespace() : NameFolding.fold(typed) == folded
    }

    func erase(_ id: UUID, reason: String, confirmName: String, confirming: Bool, by actor: Actor, now: Date,
               registering: Bool = true) async throws -> Receipt {
        try actor.require(.erasePeople)
        let reason = reason.trimmingWhitespace()
        let (receipt, photoFiles, words): (Receipt, [String], [String]) = try await database.transaction { tx in
            let person = try await People(database: tx).find(id, by: actor, includeDeleted: true, on: tx)
            var v = Validator()
            v.check(!reason.isEmpty, "reason", "field.required")
            v.check(reason.count <= 1_000, "reason", "field.tooLong", "1000")
            if confirming {
                let typed = confirmName.trimmingWhitespace()
                v.check(!typed.isEmpty, "confirmName", "field.required")
                if !typed.isEmpty { v.check(Self.confirms(typed, person.name), "confirmName", "erasure.nameMismatch") }
            }
            try v.throwIfInvalid()
            let names = ([person.name] + JSONList.decode(person.otherNamesJSON)).filter { $0.count >= 3 }
            let engagements = try await countParticipations(of: person, now: now, on: tx)
            try await scrubFreeText(of: id, names: names, alreadyNoted: Set(engagements), by: actor, now: now, on: tx)
            let quotes = try await anonymiseQuotes(of: id, on: tx)
            let (photosRemoved, files) = try await untagPhotos(of: id, on: tx)
            try await removeReferences(to: id, on: tx)
            try await scrubAuditTrail(of: id, names: names, on: tx)
            try await ConsentEventModel.query(on: tx).filter(\.$person.$id == id).delete()
            try await tx.sql.delete(from: NameTokens.schema).where("record_id", .equal, SQLBind(id)).run()
            try await tx.sql.raw("DELETE FROM duplicate_dismissals WHERE first_id = \(bind: id) OR second_id = \(bind: id)").run()
            try await tx.sql.delete(from: PersonModel.schema).where("id", .equal, SQLBind(id)).run()
            let words = try await SearchDocuments.words(of: id, on: tx.sql)
            try await SearchDocuments.refresh(recordType: People.recordType, id: id, on: tx)
            try await AuditTrail.record(.erase, by: actor, recordType: People.recordType, recordID: id, recordLabel: Self.erased,
                                        changes: [FieldChange(field: "reason", from: nil, to: reason)], at: now, on: tx)
            return (Receipt(personID: id, erasedAt: now, engagements: engagements.count, photosRemoved: photosRemoved, quotesKept: quotes),
                    files, words)
        }
        for file in photoFiles { photos?.remove(file) }
        if registering { try register?.add(id, at: now) }
        try await Compaction.afterErasure(on: database, words: words)
        return receipt
    }

    /// Each engagement they took part in counts them in a head-count line of its own kind ("participant
    /// whose record was erased"), by community and gender as recorded; the engagement's history says a
    /// participant was erased, not who.
    func countParticipations(of person: PersonModel, now: Date, on tx: any Database) async throws -> [UUID] {
        let id = try person.requireID()
        let engagements = try await ParticipationModel.query(on: tx).filter(\.$personID == id).all().map(\.engagementID)
        let category = text("erasure.headCountCategory")
        for engagementID in Set(engagements) {
            let lines = try await HeadCountModel.query(on: tx).filter(\.$engagementID == engagementID).sort(\.$position).all()
            let line: HeadCountModel
            if let existing = lines.first(where: { $0.category == category }) {
                line = existing
            } else {
                line = HeadCountModel()
                line.id = UUID()
                line.engagementID = engagementID
                line.position = (lines.map(\.position).max() ?? -1) + 1
                line.category = category
                line.count = 0
                line.atLeast = false
                line.byGenderJSON = "{}"
                line.byCommunityJSON = "{}"
                line.byAgeJSON = "{}"
            }
            line.count += 1
            if let gender = person.gender { line.byGenderJSON = Self.adding(1, to: gender.rawValue, in: line.byGenderJSON) }
            if let community = person.$community.id {
                line.byCommunityJSON = Self.adding(1, to: community.uuidString.lowercased(), in: line.byCommunityJSON)
            }
            try await line.save(on: tx)
            guard let engagement = try await EngagementModel.find(engagementID, on: tx) else { continue }
            try await AuditTrail.record(.update, by: .commandLine, recordType: Engagements.recordType, recordID: engagementID,
                                        recordLabel: engagement.title,
                                        changes: [FieldChange(field: "erasure", from: nil, to: Self.erased)], at: now, on: tx)
        }
        try await ParticipationModel.query(on: tx).filter(\.$personID == id).delete()
        return Array(Set(engagements))
    }

    static func adding(_ count: Int, to key: String, in json: String) -> String {
        var counts = (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
        counts[key, default: 0] += count
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(counts)).map { String(decoding: $0, as: UTF8.self) } ?? json
    }

    /// Their quotes stay, said by "a participant": what was said at a meeting is the meeting's.
    func anonymiseQuotes(of id: UUID, on tx: any Database) async throws -> Int {
        let quotes = try await QuoteModel.query(on: tx).filter(\.$speakerID == id).all()
        for quote in quotes {
            quote.speakerID = nil
            quote.speakerLabel = text("erasure.quoteSpeaker")
            try await quote.update(on: tx)
        }
        return quotes.count
    }

    /// Photos showing only them go (their files after the transaction); others lose the tag.
    func untagPhotos(of id: UUID, on tx: any Database) async throws -> (removed: Int, files: [String]) {
        var removed = 0
        var files: [String] = []
        for photo in try await MergeRecords(database: tx).photos(showing: id, on: tx) {
            let others = JSONList.decode(photo.peopleShownJSON).filter { $0 != id.uuidString }
            if others.isEmpty {
                files += [photo.fileName] + (photo.smallFileName.map { [$0] } ?? [])
                try await photo.delete(on: tx)
                removed += 1
            } else {
                photo.peopleShownJSON = JSONList.encode(others)
                try await photo.update(on: tx)
            }
        }
        return (removed, files)
    }

    /// Posts, agreement parties, working-group memberships, delegations and assessments go; a coordination
    /// activity keeps its organisation and loses its contact.
    func removeReferences(to id: UUID, on tx: any Database) async throws {
        let sql = tx.sql
        for reference in MergeRecords.personReferences where !["participations", "quotes", "coordination"].contains(reference.key) {
            try await sql.raw("DELETE FROM \(ident: reference.table) WHERE \(ident: reference.column) = \(bind: id)").run()
        }
        try await sql.raw("UPDATE \(ident: CoordinationActivityModel.schema) SET contact_person_id = NULL WHERE contact_person_id = \(bind: id)").run()
        // A decision to keep them past the retention period goes too: its reason is about them.
        try await sql.delete(from: RetentionDecisionModel.schema).where("person_id", .equal, SQLBind(id)).run()
    }

    /// The person's own entries keep what happened and when, and read "erased" for every value; every other
    /// entry that named them (an engagement's participants, a merge) has their names replaced.
    func scrubAuditTrail(of id: UUID, names: [String], on tx: any Database) async throws {
        for entry in try await AuditEntryModel.query(on: tx).filter(\.$recordID == id).all() {
            entry.recordLabel = Self.erased
            entry.changesJSON = AuditEntryModel.encode(entry.changes.map {
                FieldChange(field: $0.field, from: $0.from.map { _ in Self.erased }, to: $0.to.map { _ in Self.erased })
            })
            try await entry.update(on: tx)
        }
        for name in names {
            let matching = try await AuditEntryModel.query(on: tx).group(.or) {
                // `%` or `_` in a name only widens the match; the replacement below is exact.
                $0.filter(\.$recordLabel, .custom("LIKE"), "%\(name)%").filter(\.$changesJSON, .custom("LIKE"), "%\(name)%")
            }.all()
            for entry in matching {
                entry.recordLabel = entry.recordLabel.replacingOccurrences(of: name, with: Self.erased)
                entry.changesJSON = AuditEntryModel.encode(entry.changes.map {
                    FieldChange(field: $0.field, from: $0.from?.replacingOccurrences(of: name, with: Self.erased),
                                to: $0.to?.replacingOccurrences(of: name, with: Self.erased))
                })
                try await entry.update(on: tx)
            }
        }
    }
}
