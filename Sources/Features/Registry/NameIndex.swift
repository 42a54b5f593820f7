import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The folded words of a record's names, kept in `name_tokens` for prefix filtering.
///
/// Each word row also carries the record's sort name and who may see it, so that a name filter can page
/// and count from this one index without looking up every matching record: at 100,000 people, the 3,883
/// people matching "krasniqi" cost 8 ms of look-ups by identity, where reading their words costs under one.
enum NameIndex {
    /// Who may see a record through the index. Ordered: a role that sees a level sees the ones below it.
    enum Visibility: Int, Sendable {
        case open = 0
        case restricted = 1
        case deleted = 2

        init(sensitivity: Sensitivity, deleted: Bool) {
            self = deleted ? .deleted : sensitivity == .normal ? .open : .restricted
        }

        /// From the stored text, for rows prepared without models (an import's); anything but `normal` is restricted.
        init(sensitivity: String, deleted: Bool) {
            self.init(sensitivity: Sensitivity(rawValue: sensitivity) ?? .restricted, deleted: deleted)
        }

        /// The highest level this actor's list may show.
        static func highest(for actor: Actor, includeDeleted: Bool) -> Visibility {
            if includeDeleted && actor.can(.restoreRecords) { return .deleted }
            return actor.canSee(.restricted) ? .restricted : .open
        }
    }

    struct Entry: Sendable {
        var recordType: String
        var id: UUID
        var names: [String]
        var sortName: String
        var visibility: Visibility
        /// A person's community (nil for other records), so that a name filter with a community stays in the index.
        var communityID: UUID? = nil
    }

    static func replace(_ entry: Entry, on database: any Database) async throws {
        let sql = database.sql
        try await sql.delete(from: NameTokens.schema).where("record_id", .equal, SQLBind(entry.id)).run()
        try await insert([entry], sql: sql)
    }

    static let columns = ["record_type", "record_id", "token", "sort_name", "visibility", "words", "community_id"]

    /// Writes the words of many records.
    static func insert(_ entries: [Entry], sql: any SQLDatabase) async throws {
        try await BatchInsert.insert(into: NameTokens.schema, columns: columns, rows: rows(entries), sql: sql)
    }

    /// The rows `insert` writes: one per distinct folded word of each record's names.
    static func rows(_ entries: [Entry]) -> [[BatchInsert.Value]] {
        var rows: [[BatchInsert.Value]] = []
        rows.reserveCapacity(entries.count * 4)
        for entry in entries {
            let tokens = Set(entry.names.flatMap(NameFolding.tokens).map { String($0.prefix(100)) }).sorted()
            let words = " " + tokens.joined(separator: " ") + " "
            for token in tokens {
                rows.append([.text(entry.recordType), .uuid(entry.id), .text(token), .text(entry.sortName),
                             .int(entry.visibility.rawValue), .text(words), .uuid(entry.communityID)])
            }
        }
        return rows
    }

    /// After a delete or restore: the words stay, who may see them changes.
    static func setVisibility(_ visibility: Visibility, of id: UUID, on database: any Database) async throws {
        let sql = database.sql
        try await sql.update(NameTokens.schema).set("visibility", to: SQLBind(visibility.rawValue))
            .where("record_id", .equal, SQLBind(id)).run()
    }

    /// The distinct words of a filter text, at most eight (more adds cost and hardly narrows).
    static func words(_ text: String) -> [String] {
        Array(Set(NameFolding.tokens(text)).sorted().prefix(8))
    }

    /// A condition on a word row: its record also has a word beginning with `word` (see `NameTokens`).
    static func alsoHas(_ word: String, dialect: String) -> SQLQueryString {
        dialect == "postgresql" ? "strpos(\(ident: "words"), \(bind: " " + word)) > 0" : "instr(\(ident: "words"), \(bind: " " + word)) > 0"
    }

    /// `record_id`s of records with a word beginning with `word`, as a sub-query.
    static func matching(_ word: String, recordType: String) -> SQLQueryString {
        """
        SELECT \(ident: "record_id") FROM \(ident: NameTokens.schema) \
        WHERE \(ident: "record_type") = \(bind: recordType) AND \(ident: "token") >= \(bind: word) \
        AND \(ident: "token") < \(bind: successor(of: word))
        """
    }

    /// Restricts a query to records whose names have words beginning with every word of `text`.
    static func filter<M: Model>(_ query: QueryBuilder<M>, recordType: String, text: String) -> QueryBuilder<M> {
        var query = query
        for word in words(text) {
            query = query.filter(.sql(embed: "\(ident: M.schema).\(ident: "id") IN (\(matching(word, recordType: recordType)))"))
        }
        return query
    }

    /// The smallest string greater than every string that starts with `prefix`.
    static func successor(of prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            if let next = Unicode.Scalar(last.value + 1) { return String(String.UnicodeScalarView(scalars + [next])) }
        }
        return "\u{10FFFF}"
    }
}
