import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Writes a checked file of people inside the import's transaction. New people are written in batches
/// (a hundred thousand people one statement each took minutes) with everything `People.create` writes
/// for each: the record, its name words, its search document and its audit entry. Rows decided to be
/// someone already kept, or an earlier row of the file, go through `People.update` afterwards, as an
/// edit would.
struct PeopleImport {
    let database: any Database
    let language: String

    /// Rows a batch: large statements, few of them.
    static let batchSize = 2_000

    /// A row that becomes a new person: its number, what the check read, and the values it validated.
    struct NewRow: Sendable {
        var row: Int
        var input: PersonInput
        var valid: PersonInput.Valid?
    }

    /// The rows among `items` that become new people: all but those decided to be a merge.
    static func newRows(_ items: ArraySlice<ImportPlan.Item>, plan: ImportPlan, suggested: Set<Int>, decisions: ImportDecisions) -> [NewRow] {
        items.compactMap { item in
            guard case let .person(row, input) = item, !(suggested.contains(row) && decisions.decision(for: row) == .merge) else { return nil }
            return NewRow(row: row, input: input, valid: plan.validPeople[row])
        }
    }

    /// Writes a clean, decided plan: its new people, then its merges.
    func write(_ plan: ImportPlan, decisions: ImportDecisions, by actor: Actor, now: Date, progress: @escaping Imports.Progress) async throws -> ImportResult {
        let rows = Self.newRows(plan.items[...], plan: plan, suggested: Set(plan.suggestions.map(\.row)), decisions: decisions)
        let (batches, continuation) = AsyncStream.makeStream(of: [NewRow].self)
        for chunk in rows.chunked(Self.batchSize) { continuation.yield(Array(chunk)) }
        continuation.finish()
        let created = try await writeNew(batches, total: plan.items.count, by: actor, now: now, progress: progress)
        let merged = try await settleMerges(plan, decisions: decisions, created: created, by: actor, now: now)
        progress(plan.items.count, plan.items.count)
        return ImportResult(created: created.count, merged: merged)
    }

    /// Writes new people as their batches arrive, and returns the identity each row was given. Each batch
    /// is made ready in Swift (on one core) while the database writes the one before (on the other).
    func writeNew(_ batches: AsyncStream<[NewRow]>, total: Int, by actor: Actor, now: Date, progress: Imports.Progress) async throws -> [Int: UUID] {
        let sql = database.sql
        let people = People(database: database, language: language)
        let sqlite = sql.dialect.name == "sqlite"
        var created: [Int: UUID] = [:]
        var nextDocument: Int?
        var previous: Batch?
        var done = 0
        // The batches' words are counted once, at the end: on PostgreSQL the counts are held from their write
        // to the commit (`SearchWords.add`), and others' saves should not wait behind the whole import.
        var words = SearchWords.Tally()
        for await rows in batches {
            let firstDocument: Int
            if let nextDocument { firstDocument = nextDocument } else {
                // Settings for the length of the import, once the first batch is here (the check reads before that).
                try await begin(sql, sqlite: sqlite)
                firstDocument = try await SearchDocuments.nextID(on: sql)
            }
            let writing = previous
            async let written: Void = Self.write(writing, sql: sql)
            let next = try prepare(rows, people: people, by: actor, now: now, firstDocument: firstDocument, sqlite: sqlite)
            try await written
            if let previous {
                done += previous.count
                progress(done, total)
            }
            for (row, id) in next.identities { created[row] = id }
            words.merge(next.search.words)
            nextDocument = firstDocument + next.count
            previous = next
        }
        // Stopped from outside (the check found a problem): the transaction is being rolled back.
        try Task.checkCancellation()
        try await Self.write(previous, sql: sql)
        if let previous { progress(done + previous.count, total) }
        try await SearchWords.add(words, sql: sql)
        if nextDocument != nil { try await end(sql, sqlite: sqlite) }
        return created
    }

    /// Rows decided to be someone already kept, or an earlier row of the file (written just before): what
    /// they add goes to that record through `People.update`, one update for each record. The record's
    /// name stays; the rows' spellings join its other names.
    func settleMerges(_ plan: ImportPlan, decisions: ImportDecisions, created: [Int: UUID], by actor: Actor, now: Date) async throws -> Int {
        let people = People(database: database, language: language)
        let suggestions = Dictionary(plan.suggestions.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        var recordOfRow = created
        var additions: [UUID: PersonInput] = [:]
        var merged = 0
        for item in plan.items {
            guard case let .person(row, input) = item, created[row] == nil, let suggestion = suggestions[row],
                  decisions.decision(for: row) == .merge else { continue }
            // An earlier row is the person it became, or the record it joined.
            guard let id = suggestion.existing?.id ?? suggestion.earlierRow.flatMap({ recordOfRow[$0] }) else { continue }
            recordOfRow[row] = id
            additions[id] = (additions[id] ?? input).absorbing(input)
            merged += 1
        }
        for (id, rowInput) in additions.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            let current = try await people.get(id, by: actor)
            var input = PersonInput(current).absorbing(rowInput)
            input.name = current.name
            _ = try await people.update(id, input, expectedVersion: current.version, by: actor, now: now)
        }
        return merged
    }

    /// A large page cache for the length of the import: with the usual 32 MB, SQLite spilled pages of the
    /// people, name and search indexes to disk and read them back, batch after batch.
    private func begin(_ sql: any SQLDatabase, sqlite: Bool) async throws {
        guard sqlite else { return }
        try await sql.raw("PRAGMA cache_size=-262144").run()
        // Checked once at commit rather than per statement (the places and communities exist: the check found them).
        try await sql.raw("PRAGMA defer_foreign_keys=ON").run()
        // The full-text index merges its segments as it grows; once, after the import, costs less.
        try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 0)").run()
    }

    private func end(_ sql: any SQLDatabase, sqlite: Bool) async throws {
        guard sqlite else { return }
        try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('automerge', 4)").run()
        try await sql.raw("INSERT INTO search_fts(search_fts, rank) VALUES('merge', 500)").run()
        try await sql.raw("PRAGMA cache_size=-32768").run()
    }

    /// One batch of new people as the rows of each table `People.create` writes to.
    struct Batch: Sendable {
        var count = 0
        /// Each row's new person.
        var identities: [(row: Int, id: UUID)] = []
        var people: [[BatchInsert.Value]] = []
        var names: [[BatchInsert.Value]] = []
        var audit: [[BatchInsert.Value]] = []
        var search: SearchDocuments.Rows
    }

    /// Plain values, not models: setting and reading a Fluent model's fields cost about 100 µs a person.
    /// The values are those `People.create` gives a person with no consent recorded yet.
    private func prepare(_ inputs: [NewRow], people: People, by actor: Actor, now: Date, firstDocument: Int, sqlite: Bool) throws -> Batch {
        var rows: [[BatchInsert.Value]] = []
        var names: [NameIndex.Entry] = []
        var entries: [[BatchInsert.Value]] = []
        var documents: [SearchDocuments.Document] = []
        var identities: [(row: Int, id: UUID)] = []
        let unknown = ConsentAnswer.unknown.rawValue
        for newRow in inputs {
            let (row, input) = (newRow.row, newRow.input)
            let valid = try newRow.valid ?? input.validated()
            try people.requireWrite(valid.sensitivity, by: actor)
            let id = UUID.timeOrdered()
            identities.append((row, id))
            let sortName = NameFolding.fold(valid.name)
            let consent = [ConsentUse.stored, .namedPublicly, .quoted, .photographed].map { valid.consent[$0]?.rawValue ?? unknown }
            let lawfulBasis = valid.lawfulBasis.rawValue
            rows.append([.uuid(id), .text(valid.name), .text(sortName), .text(JSONList.encode(valid.otherNames)), .text(valid.honorific),
                         .text(valid.gender?.rawValue), .uuid(input.communityID), .uuid(input.placeID), .text(JSONList.encode(valid.languages)),
                         .text(JSONList.encode(valid.emails)), .text(JSONList.encode(valid.phones)), .text(valid.notes),
                         .text(valid.sensitivity.rawValue), .text(lawfulBasis), .text(consent[0]), .text(consent[1]), .text(consent[2]),
                         .text(consent[3]), .date(now), .date(now), .null, .int(1)])
            names.append(NameIndex.Entry(recordType: People.recordType, id: id, names: [valid.name] + valid.otherNames, sortName: sortName,
                                         visibility: NameIndex.Visibility(sensitivity: valid.sensitivity.rawValue, deleted: false),
                                         communityID: input.communityID))
            let fields = PersonModel.auditFields(
                name: valid.name, otherNames: valid.otherNames, honorific: valid.honorific, gender: valid.gender?.rawValue,
                community: input.communityID, place: input.placeID, languages: valid.languages, emails: valid.emails, phones: valid.phones,
                notes: valid.notes, sensitivity: valid.sensitivity.rawValue, lawfulBasis: lawfulBasis, consent: consent, deleted: false)
            entries.append([.uuid(.timeOrdered()), .date(now), .uuid(actor.userID), .text(actor.label), .text(AuditAction.create.rawValue),
                            .text(People.recordType), .uuid(id), .text(valid.name), .text(AuditEntryModel.encode(FieldChange.between([], fields))),
                            .text(actor.address)])
            documents.append(SearchDocuments.person(id: id, name: valid.name, otherNames: valid.otherNames, honorific: valid.honorific,
                                                    notes: valid.notes, sensitivity: valid.sensitivity.rawValue))
        }
        return Batch(count: rows.count, identities: identities, people: rows, names: NameIndex.rows(names), audit: entries,
                     search: SearchDocuments.Rows(documents, firstID: firstDocument, sqlite: sqlite))
    }

    private static func write(_ batch: Batch?, sql: any SQLDatabase) async throws {
        guard let batch else { return }
        try await BatchInsert.insert(into: PersonModel.schema, columns: personColumns, rows: batch.people, sql: sql)
        try await BatchInsert.insert(into: NameTokens.schema, columns: NameIndex.columns, rows: batch.names, sql: sql)
        try await BatchInsert.insert(into: AuditEntryModel.schema, columns: auditColumns, rows: batch.audit, sql: sql)
        try await SearchDocuments.write(batch.search, countingWords: false, sql: sql)
    }

    static let personColumns = ["id", "name", "sort_name", "other_names", "honorific", "gender", "community_id", "place_id", "languages", "emails",
                                "phones", "notes", "sensitivity", "lawful_basis", "consent_stored", "consent_named", "consent_quoted",
                                "consent_photographed", "created_at", "updated_at", "deleted_at", "version"]

    static let auditColumns = ["id", "at", "actor_id", "actor_label", "action", "record_type", "record_id", "record_label", "changes", "address"]
}

