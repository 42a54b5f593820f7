import Domain
import FluentKit
import Foundation
import SQLKit

/// The search index's documents: for each searchable record, its folded words (names in every spelling and
/// script fold to the same words — "Redžepi", "REDZEPI" and "Реџепи" are all `redzepi`) and who may find it.
/// SQLite matches them with FTS5, PostgreSQL with its full-text search (`SearchIndexSchema`).
///
/// A record's document is rewritten in the same transaction as the record (through the audit trail, which
/// every change writes), and removed when the record is deleted.
public enum SearchDocuments {
    /// The kinds of record that can be found, in the order results are grouped.
    public static let recordTypes = ["person", "organization", "place", "engagement", "agreement", "recommendation", "context_event"]

    public struct Document: Sendable, Equatable {
        public var recordType: String
        public var id: UUID
        /// 0: anyone who reads records; 1: only those who read restricted records.
        public var restricted: Int
        public var words: String
        /// Words from fields an administrator may mark as sensitive (a person's notes): found only by readers
        /// who may see those fields (`SearchIndexSchema.privateCode`).
        public var privateWords: String = ""
    }

    /// Rewrites (or removes) one record's document, and moves the counts of the words it held and holds.
    public static func refresh(recordType: String, id: UUID, on database: any Database) async throws {
        guard recordTypes.contains(recordType) else { return }
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_documents WHERE record_id = \(bind: id))").run()
        }
        let removed = try await sql.raw("DELETE FROM search_documents WHERE record_id = \(bind: id) RETURNING record_type, restricted, words, private_words")
            .all().map { row in
                Document(recordType: try row.decode(column: "record_type", as: String.self), id: id, restricted: try row.decode(column: "restricted", as: Int.self),
                         words: try row.decode(column: "words", as: String.self), privateWords: try row.decode(column: "private_words", as: String.self))
            }
        let added = try await document(recordType: recordType, id: id, on: database).map { [$0] } ?? []
        // SQLite writes one transaction at a time, so the next id is free; PostgreSQL numbers rows itself.
        var firstID = 0
        if !added.isEmpty { firstID = try await nextID(on: sql) }
        try await write(Rows(added, firstID: firstID, sqlite: sql.dialect.name == "sqlite", replacing: removed), sql: sql)
    }

    /// The id the next document gets on SQLite (one writer at a time, so it stays free until written);
    /// PostgreSQL numbers documents itself.
    public static func nextID(on sql: any SQLDatabase) async throws -> Int {
        guard sql.dialect.name == "sqlite" else { return 0 }
        return try await sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM search_documents").first()?.decode(column: "next", as: Int.self) ?? 1
    }

    /// What `write` writes: on SQLite, documents with consecutive ids from `firstID` and their coded tokens under
    /// the same rowids; on PostgreSQL, documents numbered by the database. Made ready apart from writing it (an
    /// import makes the next batch's while the database writes the last).
    public struct Rows: Sendable {
        let sqlite: Bool
        let documents: [[BatchInsert.Value]]
        let tokens: [[BatchInsert.Value]]
        /// How the batch changes each word's count of documents (`SearchWords`).
        public let words: SearchWords.Tally

        /// - Parameter replacing: the documents these replace, already deleted, whose words no longer count.
        public init(_ documents: [Document], firstID: Int, sqlite: Bool, replacing removed: [Document] = []) {
            self.sqlite = sqlite
            let coded = documents.map(SearchDocuments.coded)
            var words = SearchWords.Tally()
            words.add(coded)
            words.add(removed.map(SearchDocuments.coded), by: -1)
            self.words = words
            if sqlite {
                self.documents = documents.enumerated().map { offset, document in
                    [.int(firstID + offset), .text(document.recordType), .uuid(document.id), .int(document.restricted), .text(document.words),
                     .text(document.privateWords)]
                }
                tokens = coded.enumerated().map { offset, tokens in [.int(firstID + offset), .text(tokens.joined(separator: " "))] }
            } else {
                self.documents = documents.map { [.text($0.recordType), .uuid($0.id), .int($0.restricted), .text($0.words), .text($0.privateWords)] }
                tokens = []
            }
        }
    }

    /// A document's words with their codes: FTS5's tokens on SQLite, and on PostgreSQL the words its vector is
    /// generated from (`SearchIndexSchema.postgresVector`); on both, what the list of words counts.
    static func coded(_ document: Document) -> [String] {
        let restricted = document.restricted > 0
        let code = SearchIndexSchema.code(kind: document.recordType, restricted: restricted)
        let privateCode = SearchIndexSchema.privateCode(kind: document.recordType, restricted: restricted)
        return document.words.split(separator: " ").map { code + $0 } + document.privateWords.split(separator: " ").map { privateCode + $0 }
    }

    /// Writes the documents and, unless `countingWords` is false (an import counts its batches' words once, at
    /// its end), the change to their words' counts.
    public static func write(_ rows: Rows, countingWords: Bool = true, sql: any SQLDatabase) async throws {
        if rows.sqlite {
            try await BatchInsert.insert(into: SearchIndexSchema.documents, columns: ["id", "record_type", "record_id", "restricted", "words", "private_words"],
                                         rows: rows.documents, sql: sql)
            try await BatchInsert.insert(into: SearchIndexSchema.fts, columns: ["rowid", "tokens"], rows: rows.tokens, sql: sql)
        } else {
            try await BatchInsert.insert(into: SearchIndexSchema.documents, columns: ["record_type", "record_id", "restricted", "words", "private_words"],
                                         rows: rows.documents, sql: sql)
        }
        if countingWords { try await SearchWords.add(rows.words, sql: sql) }
    }

    /// The folded words of a record's document as it stands (its names and, apart, its sensitive fields' words).
    public static func words(of id: UUID, on sql: any SQLDatabase) async throws -> [String] {
        let rows = try await sql.select().column("words").column("private_words").from(SearchIndexSchema.documents)
            .where("record_id", .equal, SQLBind(id)).all()
        return try rows.flatMap { row in
            (try row.decode(column: "words", as: String.self) + " " + (try row.decode(column: "private_words", as: String.self)))
                .split(separator: " ").map(String.init)
        }
    }

    /// The words a record is found by; nil for a deleted record (or one that does not exist).
    static func document(recordType: String, id: UUID, on database: any Database) async throws -> Document? {
        switch recordType {
        case "person":
            guard let model = try await PersonModel.find(id, on: database) else { return nil }
            return person(model)
        case "organization":
            guard let model = try await OrganizationModel.find(id, on: database) else { return nil }
            return organization(model)
        case "place":
            guard let model = try await PlaceModel.find(id, on: database), model.deletedAt == nil else { return nil }
            let names = try await PlaceNameModel.query(on: database).filter(\.$place.$id == id).all().map(\.name)
            return Document(recordType: recordType, id: id, restricted: 0, words: fold(names))
        case "engagement":
            guard let model = try await EngagementModel.find(id, on: database) else { return nil }
            return engagement(model)
        case "agreement":
            guard let model = try await AgreementModel.find(id, on: database), model.deletedAt == nil else { return nil }
            return Document(recordType: recordType, id: id, restricted: restricted(model.confidentiality),
                            words: fold([model.title, model.focus, model.notes]))
        case "recommendation":
            guard let model = try await RecommendationModel.find(id, on: database), model.deletedAt == nil else { return nil }
            return Document(recordType: recordType, id: id, restricted: restricted(model.confidentiality), words: fold([model.title, model.text]))
        case "context_event":
            guard let model = try await ContextEventModel.find(id, on: database), model.deletedAt == nil else { return nil }
            return Document(recordType: recordType, id: id, restricted: restricted(model.confidentiality), words: fold([model.title, model.details]))
        default:
            return nil
        }
    }

    public static func person(_ model: PersonModel) -> Document? {
        guard model.deletedAt == nil, let id = model.id else { return nil }
        return person(id: id, name: model.name, otherNames: strings(model.otherNamesJSON).compactMap { $0 }, honorific: model.honorific,
                      notes: model.notes, sensitivity: model.sensitivity.rawValue)
    }

    /// A live person's document from plain values (an import's). Notes are words of a field that may be
    /// sensitive, kept apart from the names.
    public static func person(id: UUID, name: String, otherNames: [String], honorific: String?, notes: String?, sensitivity: String) -> Document {
        Document(recordType: "person", id: id, restricted: sensitivity == Sensitivity.normal.rawValue ? 0 : 1,
                 words: fold([name, honorific] + otherNames.map { Optional($0) }), privateWords: fold([notes]))
    }

    static func organization(_ model: OrganizationModel) -> Document? {
        guard model.deletedAt == nil, let id = model.id else { return nil }
        return Document(recordType: "organization", id: id, restricted: 0,
                        words: fold([model.name, model.notes] + strings(model.otherNamesJSON)))
    }

    static func engagement(_ model: EngagementModel) -> Document? {
        guard model.deletedAt == nil, let id = model.id else { return nil }
        return Document(recordType: "engagement", id: id, restricted: restricted(model.confidentiality),
                        words: fold([model.title, model.venue, model.summary, model.outcomes, model.decisions] + strings(model.topicsJSON)))
    }

    /// A JSON list of strings (other names, topics).
    static func strings(_ json: String) -> [String?] {
        (JSONText.strings(json) ?? (try? JSONDecoder().decode([String].self, from: Data(json.utf8))) ?? []).map { Optional($0) }
    }

    static func restricted(_ confidentiality: Confidentiality) -> Int { confidentiality == .restricted ? 1 : 0 }

    static func fold(_ texts: [String?]) -> String { texts.compactMap { $0 }.map(NameFolding.fold).filter { !$0.isEmpty }.joined(separator: " ") }

    /// Every document again, in batches (after the index is created on a database that has records, and
    /// after the benchmark generator writes around the use cases).
    public static func rebuild(on database: any Database, batch: Int = 2_000, progress: @Sendable (String) -> Void = { _ in }) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" { try await sql.raw("DELETE FROM search_fts").run() }
        try await sql.raw("DELETE FROM search_words").run()
        try await sql.delete(from: SearchIndexSchema.documents).run()
        var nextID = 1
        // The words are counted once, at the end, rather than a batch at a time.
        var words = SearchWords.Tally()
        func insert(_ documents: [Document]) async throws {
            let rows = Rows(documents, firstID: nextID, sqlite: sql.dialect.name == "sqlite")
            try await write(rows, countingWords: false, sql: sql)
            words.merge(rows.words)
            nextID += documents.count
        }
        // Each batch starts after the last identity of the one before (not at an offset, which reads and skips
        // every earlier row again: at 3,000,000 engagements that is a billion rows read for nothing).
        func pages<M: Model>(_ type: M.Type, _ make: ([M]) async throws -> [Document]) async throws {
            var page = 0
            var last: M.IDValue?
            while true {
                var query = M.query(on: database).sort(\._$id).limit(batch)
                if let last { query = query.filter(\._$id > last) }
                let models = try await query.all()
                guard let final = models.last?.id else { break }
                try await insert(try await make(models))
                last = final
                page += 1
                if page % 50 == 0 { progress("search index: \(page * batch) \(M.schema)") }
            }
        }
        try await pages(PersonModel.self) { $0.compactMap(person) }
        try await pages(OrganizationModel.self) { $0.compactMap(organization) }
        try await pages(EngagementModel.self) { $0.compactMap(engagement) }
        for type in ["place", "agreement", "recommendation", "context_event"] {
            let ids: [UUID]
            switch type {
            case "place": ids = try await PlaceModel.query(on: database).all().compactMap(\.id)
            case "agreement": ids = try await AgreementModel.query(on: database).all().compactMap(\.id)
            case "recommendation": ids = try await RecommendationModel.query(on: database).all().compactMap(\.id)
            default: ids = try await ContextEventModel.query(on: database).all().compactMap(\.id)
            }
            var documents: [Document] = []
            for id in ids { if let document = try await document(recordType: type, id: id, on: database) { documents.append(document) } }
            for chunk in stride(from: 0, to: documents.count, by: batch) { try await insert(Array(documents[chunk..<min(chunk + batch, documents.count)])) }
        }
        try await SearchWords.add(words, sql: sql)
    }
}

