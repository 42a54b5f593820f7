@testable import Domain
import Foundation
@testable import Features
@testable import Web

/// Users, the audit trail, search, imports and duplicates.
extension Fixtures {
    static let kubraUser = UserSummary(id: id(501), email: "kubra@ico.example", name: "Kübra Kalkandelen", role: .coordinator,
                                       isDisabled: false, lastSignInAt: time(-30), createdAt: time(-100_000), version: 3)
    static let jamesUser = UserSummary(id: id(502), email: "james@ico.example", name: "James Holmes", role: .admin,
                                       isDisabled: false, lastSignInAt: nil, createdAt: time(-100_000), version: 1)
    static let formerUser = UserSummary(id: id(503), email: "arta@ico.example", name: "Arta Krasniqi", role: .officer,
                                        isDisabled: true, lastSignInAt: time(-50_000), createdAt: time(-100_000), version: 5)

    static let auditEntries = [
        AuditLog.Entry(id: id(2001), at: time(45), actorID: id(501), actor: "kubra@ico.example", action: "update",
                       recordType: "person", recordID: emilija.id, recordLabel: emilija.name,
                       changes: [FieldChange(field: "notes", from: nil, to: "Met at the partnership signing.")]),
        AuditLog.Entry(id: id(2002), at: time(30), actorID: nil, actor: "cli", action: "create", recordType: "engagement",
                       recordID: meetingRef.id, recordLabel: meetingRef.name, changes: []),
    ]

    static let tokens = [
        APITokens.Summary(id: id(2101), label: "Phone sync", createdAt: time(-2_000), lastUsedAt: time(-10), revokedAt: nil),
    ]

    static let searchResults = SearchResults(query: "redzepi", groups: [
        SearchGroup(kind: "person", total: 1, totalIsAtLeast: false, hits: [
            SearchHit(kind: "person", id: emilija.id, title: [.init("Emilija ", match: false), .init("Redžepi", match: true)],
                      detail: "Deputy Prime Minister for Minority Issues and Human Rights", snippet: nil),
        ]),
        SearchGroup(kind: "engagement", total: 12, totalIsAtLeast: false, hits: [
            SearchHit(kind: "engagement", id: meetingRef.id, title: [.init(meetingRef.name, match: false)], detail: "2023-08-07",
                      snippet: [.init("Partnership with ", match: false), .init("Redžepi", match: true)]),
        ]),
    ])

    /// More people match than a search counts: the latest are shown.
    static let searchResultsPastTheLimit = SearchResults(query: "krasniqi", groups: [
        SearchGroup(kind: "person", total: Search.countLimit, totalIsAtLeast: true, hits: [
            SearchHit(kind: "person", id: id(2300), title: [.init("Arta ", match: false), .init("Krasniqi", match: true)], detail: nil, snippet: nil),
            SearchHit(kind: "person", id: id(2301), title: [.init("Besim ", match: false), .init("Krasniqi", match: true)], detail: nil, snippet: nil),
        ]),
    ])

    static let importTable = CSVReader.Table(
        header: ["Name", "E-mail", "Notes"],
        rows: [CSVReader.Row(number: 2, cells: ["Emilija REDZ?EPI", "e.redzepi@example.org", ""]),
               CSVReader.Row(number: 3, cells: ["Bedri Hamza", "not-an-email", "Mayor"])],
        separator: ",")

    static func importBatch(_ status: ImportBatches.Status) -> ImportBatches.Batch {
        ImportBatches.Batch(id: id(2201), kind: .people, fileName: "contacts.csv", status: status, table: importTable,
                            mapping: ImportMapping(fields: ["name", "emails", nil]), decisions: ImportDecisions(),
                            created: status == .done ? 1 : nil, merged: status == .done ? 1 : nil,
                            failure: status == .failed ? "interrupted" : nil, createdAt: time())
    }

    static let importPlan = ImportPlan(
        kind: .people, rowCount: 2, problems: [ImportProblem(row: 3, column: "E-mail", messageKey: "email.invalid", arguments: ["not-an-email"])],
        suggestions: [DuplicateSuggestion(row: 2, name: "Emilija REDZ?EPI", likeness: .brokenEncoding, existing: emilija,
                                          earlierRow: nil, matchedName: emilija.name)],
        items: [])

    static let duplicatePairs = DuplicateCandidates.Found(
        pairs: [DuplicateCandidates.Pair(first: emilija, second: RecordRef(id: id(107), name: "Emilija Redzepi"),
                                         likeness: .otherSpelling)],
        total: 1)
}
