import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// A name typed into another record's free text ("Met Arben Krasniqi and his brother") is as much theirs
/// as their record: erasure replaces each whole-word occurrence of their name and other names, in every
/// free-text column, in the earlier audit entries of the records changed, and in those records' search
/// documents.
///
/// Matching is word by word through `NameFolding`, the folding the search index and the name filters use:
/// "ARBEN KRASNIQI", "Arben Krasniqi" and "Арбен Краснићи" are all the name, while "Arbenita" is not. A
/// first name alone is left: it cannot be told from anyone else's.
///
/// What stands in its place is `[erased]`, not a word of the catalogue: stored text is data, read by every
/// reader in every language and exported as it is, so it gets one neutral marker that says a name was
/// there, in brackets so it cannot be taken for words someone typed.
extension Erasure {
    public static let erasedInText = "[erased]"

    /// A table's free-text columns; `owner` is the record whose history and search document hold them (an
    /// engagement's quotes, follow-ups and photos are part of the engagement).
    struct FreeText: Sendable {
        var table: String
        var columns: [String]
        var recordType: String?
        var ownerColumn: String = "id"
    }

    static let freeTexts: [FreeText] = [
        FreeText(table: EngagementModel.schema, columns: ["title", "summary", "outcomes", "decisions"], recordType: Engagements.recordType),
        FreeText(table: FollowUpModel.schema, columns: ["text"], recordType: Engagements.recordType, ownerColumn: "engagement_id"),
        FreeText(table: QuoteModel.schema, columns: ["text"], recordType: Engagements.recordType, ownerColumn: "engagement_id"),
        FreeText(table: PhotoModel.schema, columns: ["caption"], recordType: Engagements.recordType, ownerColumn: "engagement_id"),
        FreeText(table: FieldVisitModel.schema, columns: ["title", "purpose", "summary"], recordType: FieldVisits.recordType),
        FreeText(table: AgreementModel.schema, columns: ["title", "notes"], recordType: Agreements.recordType),
        FreeText(table: RecommendationModel.schema, columns: ["title", "text"], recordType: Recommendations.recordType),
        FreeText(table: ContextEventModel.schema, columns: ["title", "description"], recordType: ContextEvents.recordType),
        FreeText(table: WorkingGroupModel.schema, columns: ["purpose"], recordType: WorkingGroups.recordType),
        FreeText(table: CoordinationActivityModel.schema, columns: ["notes"], recordType: Coordination.recordType),
        FreeText(table: OrganizationModel.schema, columns: ["notes"], recordType: Organizations.recordType),
        FreeText(table: PersonModel.schema, columns: ["notes"], recordType: People.recordType),
        FreeText(table: StakeholderAssessmentModel.schema, columns: ["notes"], recordType: nil),
    ]

    /// Replaces the names in every free-text column and in the changed records' audit entries; then each
    /// changed record gets an entry saying a name was erased from it (which rewrites its search document).
    /// Returns the records changed, by type and identity.
    @discardableResult
    func scrubFreeText(of id: UUID, names: [String], alreadyNoted: Set<UUID>, by actor: Actor, now: Date,
                       on tx: any Database) async throws -> [(recordType: String, id: UUID)] {
        let matcher = NameMatcher(names: names)
        guard !matcher.isEmpty else { return [] }
        let sql = tx.sql
        var owners: [UUID: String] = [:]
        for source in Self.freeTexts {
            let hasOwner = source.ownerColumn != "id"
            var offset = 0
            let page = 5_000
            while true {
                var select = sql.select().column("id").columns(source.columns.map { SQLColumn($0) }).from(source.table)
                if hasOwner { select = select.column(SQLColumn(source.ownerColumn)) }
                let rows = try await select.orderBy("id").limit(page).offset(offset).all()
                for row in rows {
                    let rowID = try row.decode(column: "id", as: UUID.self)
                    if source.table == PersonModel.schema, rowID == id { continue }
                    var update = sql.update(source.table)
                    var changed = false
                    for column in source.columns {
                        guard let text = try row.decode(column: column, as: String?.self), let scrubbed = matcher.scrub(text) else { continue }
                        update = update.set(SQLColumn(column), to: SQLBind(scrubbed))
                        changed = true
                    }
                    guard changed else { continue }
                    try await update.where("id", .equal, SQLBind(rowID)).run()
                    if let recordType = source.recordType {
                        owners[hasOwner ? try row.decode(column: source.ownerColumn, as: UUID.self) : rowID] = recordType
                    }
                }
                if rows.count < page { break }
                offset += page
            }
        }
        guard !owners.isEmpty else { return [] }
        // Their history held the same words: every earlier value of every field of those records.
        let ids = Array(owners.keys)
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            for entry in try await AuditEntryModel.query(on: tx).filter(\.$recordID ~~ chunk).all() {
                let label = matcher.scrub(entry.recordLabel)
                var changed = label != nil
                let changes = entry.changes.map { change -> FieldChange in
                    let from = change.from.flatMap(matcher.scrub), to = change.to.flatMap(matcher.scrub)
                    if from != nil || to != nil { changed = true }
                    return FieldChange(field: change.field, from: from ?? change.from, to: to ?? change.to)
                }
                guard changed else { continue }
                entry.recordLabel = label ?? entry.recordLabel
                entry.changesJSON = AuditEntryModel.encode(changes)
                try await entry.update(on: tx)
            }
        }
        var records: [(recordType: String, id: UUID)] = []
        for (ownerID, recordType) in owners.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
            records.append((recordType, ownerID))
            if alreadyNoted.contains(ownerID) {
                try await SearchDocuments.refresh(recordType: recordType, id: ownerID, on: tx)
                continue
            }
            try await AuditTrail.record(.update, by: actor, recordType: recordType, recordID: ownerID, recordLabel: try await label(recordType, ownerID, on: tx),
                                        changes: [FieldChange(field: "erasure", from: nil, to: Self.erased)], at: now, on: tx)
        }
        return records
    }

    /// The record's label as its history shows it (read after the names left it).
    private func label(_ recordType: String, _ id: UUID, on tx: any Database) async throws -> String {
        let (table, column): (String, String)
        switch recordType {
        case Engagements.recordType: (table, column) = (EngagementModel.schema, "title")
        case FieldVisits.recordType: (table, column) = (FieldVisitModel.schema, "title")
        case Agreements.recordType: (table, column) = (AgreementModel.schema, "title")
        case Recommendations.recordType: (table, column) = (RecommendationModel.schema, "title")
        case ContextEvents.recordType: (table, column) = (ContextEventModel.schema, "title")
        case WorkingGroups.recordType, Organizations.recordType, People.recordType:
            (table, column) = (recordType == People.recordType ? PersonModel.schema
                               : recordType == Organizations.recordType ? OrganizationModel.schema : WorkingGroupModel.schema, "name")
        default: return recordType
        }
        let row = try await tx.sql.select().column(column).from(table).where("id", .equal, SQLBind(id)).first()
        return try row?.decode(column: column, as: String.self) ?? recordType
    }
}

/// Finds a person's names, word by word and folded, in free text.
struct NameMatcher: Sendable {
    /// Each name as its folded words, longest first (so "Arben Krasniqi Berisha" wins over "Arben Krasniqi").
    let names: [[String]]

    init(names: [String]) {
        var seen: Set<[String]> = []
        self.names = names.map { Self.words(in: $0).map(\.folded) }.filter { !$0.isEmpty && seen.insert($0).inserted }
            .sorted { $0.count > $1.count }
    }

    var isEmpty: Bool { names.isEmpty }

    struct Word { var range: Range<String.Index>; var folded: String }

    /// Runs of letters and digits (a letter's combining marks are part of its character), each folded.
    static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var start: String.Index?
        var index = text.startIndex
        func close(_ end: String.Index) {
            guard let begin = start else { return }
            let folded = NameFolding.fold(String(text[begin..<end])).replacingOccurrences(of: " ", with: "")
            if !folded.isEmpty { words.append(Word(range: begin..<end, folded: folded)) }
            start = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber {
                if start == nil { start = index }
            } else {
                close(index)
            }
            index = text.index(after: index)
        }
        close(text.endIndex)
        return words
    }

    /// The text with every whole-word occurrence of a name replaced, or nil when there is none.
    func scrub(_ text: String) -> String? {
        var current = text
        var changed = false
        for name in names {
            let words = Self.words(in: current)
            guard words.count >= name.count else { continue }
            var ranges: [Range<String.Index>] = []
            var index = 0
            while index + name.count <= words.count {
                if (0..<name.count).allSatisfy({ words[index + $0].folded == name[$0] }) {
                    ranges.append(words[index].range.lowerBound..<words[index + name.count - 1].range.upperBound)
                    index += name.count
                } else {
                    index += 1
                }
            }
            guard !ranges.isEmpty else { continue }
            for range in ranges.reversed() { current.replaceSubrange(range, with: Erasure.erasedInText) }
            changed = true
        }
        return changed ? current : nil
    }
}
