import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Writes a checked file of people inside the import's transaction. New people are written in batches
/// (a hundred thousand people one statement each took minutes) with everything `People.create` writes
/// for each: the record, its name words, its search document and its audit entry. Rows decided to be
/// someone already kept go through `People.update`, one by one, as an edit would.
struct PeopleImport {
    let database: any Database
    let language: String

    func write(_ plan: ImportPlan, decisions: ImportDecisions, by actor: Actor, now: Date, progress: Imports.Progress) async throws -> ImportResult {
        guard let sql = database as? any SQLDatabase else { throw DomainError.notAllowed("SQL database required") }
        let people = People(database: database, language: language)
        let suggestions = Dictionary(plan.suggestions.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })

        // Settle merges first: a row merged into an earlier row joins that row (or whatever it joined).
        var inputs: [(row: Int, input: PersonInput, absorbed: Bool)] = []
        var position: [Int: Int] = [:]
        var intoExisting: [UUID: PersonInput] = [:]
        var existingOfRow: [Int: UUID] = [:]
        var merged = 0
        for item in plan.items {
            guard case let .person(row, input) = item else { continue }
            guard let suggestion = suggestions[row], decisions.decision(for: row) == .merge else {
                position[row] = inputs.count
                inputs.append((row, input, false))
                continue
            }
            merged += 1
            if let existing = suggestion.existing?.id {
                intoExisting[existing] = (intoExisting[existing] ?? input).absorbing(input)
                existingOfRow[row] = existing
            } else if let earlier = suggestion.earlierRow {
                if let index = position[earlier] {
                    inputs[index].input = inputs[index].input.absorbing(input)
                    inputs[index].absorbed = true
                    position[row] = index
                } else if let existing = existingOfRow[earlier] {
                    intoExisting[existing] = intoExisting[existing]!.absorbing(input)
                    existingOfRow[row] = existing
                }
            }
        }
        let total = inputs.count + intoExisting.count
        var done = 0

        for (id, rowInput) in intoExisting.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let current = try await people.get(id, by: actor)
            // The kept record's name stays; the row's spellings join its other names.
            var input = PersonInput(current).absorbing(rowInput)
            input.name = current.name
            _ = try await people.update(id, input, expectedVersion: current.version, by: actor, now: now)
            done += 1
        }

        // Large statements and a large page cache for the length of the import: with the usual 32 MB, SQLite
        // spilled pages of the people, name and search indexes to disk and read them back, batch after batch.
        let batch = 2_000
        let sqlite = sql.dialect.name == "sqlite"
        if sqlite {
            try await sql.raw("PRAGMA cache_size=-262144").run()
            // The full-text index merges its segments as it grows; once, after the import, costs less.
            try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)").run()
        }
        var nextDocument = try await SearchDocuments.nextID(on: sql)
        for chunk in stride(from: 0, to: inputs.count, by: batch) {
            var models: [PersonModel] = []
            var names: [NameIndex.Entry] = []
            var entries: [AuditEntryModel] = []
            var documents: [SearchDocuments.Document] = []
            for (row, input, absorbed) in inputs[chunk..<min(chunk + batch, inputs.count)] {
                let valid = try absorbed ? input.validated() : plan.validPeople[row] ?? input.validated()
                try people.requireWrite(valid.sensitivity, by: actor)
                let person = PersonModel()
                person.id = UUID()
                person.createdAt = now
                person.version = 1
                for use in ConsentUse.allCases { person.setConsent(use, ConsentAnswer.unknown.rawValue) }
                person.lawfulBasis = LawfulBasis.unknown.rawValue
                _ = people.apply(valid, input: input, to: person, now: now)
                models.append(person)
                names.append(people.nameEntry(person, otherNames: valid.otherNames))
                entries.append(AuditEntryModel(at: now, actorID: actor.userID, actorLabel: actor.label, action: .create, recordType: People.recordType,
                                               recordID: person.id, recordLabel: person.name, changes: FieldChange.between([], person.auditFields),
                                               address: actor.address))
                if let document = SearchDocuments.person(person) { documents.append(document) }
            }
            try await BatchInsert.insert(into: PersonModel.schema, columns: Self.personColumns, rows: models.map(Self.row), sql: sql)
            try await NameIndex.insert(names, sql: sql)
            try await BatchInsert.insert(into: AuditEntryModel.schema, columns: Self.auditColumns, rows: entries.map(Self.row), sql: sql)
            try await SearchDocuments.insert(documents, firstID: nextDocument, sql: sql)
            nextDocument += documents.count
            done += models.count
            progress(done, total)
        }
        if sqlite {
            try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4)").run()
            try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('merge', 500)").run()
            try await sql.raw("PRAGMA cache_size=-32768").run()
        }
        progress(total, total)
        return ImportResult(created: inputs.count, merged: merged)
    }

    static let personColumns = ["id", "name", "sort_name", "other_names", "honorific", "gender", "community_id", "place_id", "languages", "emails",
                                "phones", "notes", "sensitivity", "lawful_basis", "consent_stored", "consent_named", "consent_quoted",
                                "consent_photographed", "created_at", "updated_at", "deleted_at", "version"]

    static func row(_ p: PersonModel) -> [BatchInsert.Value] {
        [.uuid(p.id), .text(p.name), .text(p.sortName), .text(p.otherNamesJSON), .text(p.honorific), .text(p.gender), .uuid(p.$community.id),
         .uuid(p.$place.id), .text(p.languagesJSON), .text(p.emailsJSON), .text(p.phonesJSON), .text(p.notes), .text(p.sensitivity),
         .text(p.lawfulBasis), .text(p.consentStored), .text(p.consentNamed), .text(p.consentQuoted), .text(p.consentPhotographed),
         .date(p.createdAt), .date(p.updatedAt), .date(p.deletedAt), .int(p.version)]
    }

    static let auditColumns = ["id", "at", "actor_id", "actor_label", "action", "record_type", "record_id", "record_label", "changes", "address"]

    static func row(_ e: AuditEntryModel) -> [BatchInsert.Value] {
        [.uuid(e.id ?? UUID()), .date(e.at), .uuid(e.actorID), .text(e.actorLabel), .text(e.action), .text(e.recordType), .uuid(e.recordID),
         .text(e.recordLabel), .text(e.changesJSON), .text(e.address)]
    }
}
