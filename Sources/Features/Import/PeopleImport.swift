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
            var rows: [[BatchInsert.Value]] = []
            var names: [NameIndex.Entry] = []
            var entries: [[BatchInsert.Value]] = []
            var documents: [SearchDocuments.Document] = []
            // Plain values, not models: setting and reading a Fluent model's fields cost about 100 µs a person.
            // The values are those `People.create` gives a person with no consent recorded yet.
            let unknown = ConsentAnswer.unknown.rawValue
            for (row, input, absorbed) in inputs[chunk..<min(chunk + batch, inputs.count)] {
                let valid = try absorbed ? input.validated() : plan.validPeople[row] ?? input.validated()
                try people.requireWrite(valid.sensitivity, by: actor)
                let id = UUID()
                let sortName = NameFolding.fold(valid.name)
                let consent = [ConsentUse.stored, .namedPublicly, .quoted, .photographed].map { valid.consent[$0]?.rawValue ?? unknown }
                let lawfulBasis = valid.lawfulBasis.rawValue
                rows.append([.uuid(id), .text(valid.name), .text(sortName), .text(JSONList.encode(valid.otherNames)), .text(valid.honorific),
                             .text(valid.gender?.rawValue), .uuid(input.communityID), .uuid(input.placeID), .text(JSONList.encode(valid.languages)),
                             .text(JSONList.encode(valid.emails)), .text(JSONList.encode(valid.phones)), .text(valid.notes),
                             .text(valid.sensitivity.rawValue), .text(lawfulBasis), .text(consent[0]), .text(consent[1]), .text(consent[2]),
                             .text(consent[3]), .date(now), .date(now), .null, .int(1)])
                names.append(NameIndex.Entry(recordType: People.recordType, id: id, names: [valid.name] + valid.otherNames, sortName: sortName,
                                             visibility: NameIndex.Visibility(sensitivity: valid.sensitivity.rawValue, deleted: false)))
                let fields = PersonModel.auditFields(
                    name: valid.name, otherNames: valid.otherNames, honorific: valid.honorific, gender: valid.gender?.rawValue,
                    community: input.communityID, place: input.placeID, languages: valid.languages, emails: valid.emails, phones: valid.phones,
                    notes: valid.notes, sensitivity: valid.sensitivity.rawValue, lawfulBasis: lawfulBasis, consent: consent, deleted: false)
                entries.append([.uuid(UUID()), .date(now), .uuid(actor.userID), .text(actor.label), .text(AuditAction.create.rawValue),
                                .text(People.recordType), .uuid(id), .text(valid.name), .text(AuditEntryModel.encode(FieldChange.between([], fields))),
                                .text(actor.address)])
                documents.append(SearchDocuments.person(id: id, name: valid.name, otherNames: valid.otherNames, honorific: valid.honorific,
                                                        notes: valid.notes, sensitivity: valid.sensitivity.rawValue))
            }
            try await BatchInsert.insert(into: PersonModel.schema, columns: Self.personColumns, rows: rows, sql: sql)
            try await NameIndex.insert(names, sql: sql)
            try await BatchInsert.insert(into: AuditEntryModel.schema, columns: Self.auditColumns, rows: entries, sql: sql)
            try await SearchDocuments.insert(documents, firstID: nextDocument, sql: sql)
            nextDocument += documents.count
            done += rows.count
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

    static let auditColumns = ["id", "at", "actor_id", "actor_label", "action", "record_type", "record_id", "record_label", "changes", "address"]
}
