import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Bringing spreadsheets into the record: check a file (every problem by row and column, and rows that
/// look like records already kept or like earlier rows), then — only when the check is clean and every
/// suggested duplicate is decided — write it all in one transaction, so that a failure or a kill leaves
/// nothing half-imported. The web's staged import and `roundtable import` both come here.
public struct Imports: Sendable {
    public let database: any Database
    public let language: String
    /// Where engagements without a time zone of their own took place (the installation's zone).
    public let timeZone: String

    public init(database: any Database, language: String = "en", timeZone: String = "UTC") {
        self.database = database
        self.language = language
        self.timeZone = timeZone
    }

    /// Called with (rows written, rows in all) as a long import goes.
    public typealias Progress = @Sendable (Int, Int) -> Void

    // MARK: Checking

    /// Reads a file's bytes as a table, or the problem that stops it being read (with its line).
    public static func table(_ bytes: [UInt8]) throws(DomainError) -> CSVReader.Table {
        do {
            return try CSVReader.read(bytes)
        } catch {
            var issue = FieldIssue(field: "file", fileProblemKey(error))
            issue.arguments = fileProblemArguments(error)
            throw DomainError.invalid([issue])
        }
    }

    public func check(_ kind: ImportKind, table: CSVReader.Table, mapping: ImportMapping, by actor: Actor) async throws -> ImportPlan {
        try actor.require(.writeRecords)
        let rows = ImportRows(table: table, mapping: mapping)
        let mappingProblems = mapping.problems(kind: kind)
        guard mappingProblems.isEmpty else {
            return ImportPlan(kind: kind, rowCount: rows.rows.count, problems: mappingProblems.map {
                ImportProblem(row: 0, column: "", messageKey: $0.messageKey, arguments: $0.arguments)
            }, suggestions: [], items: [])
        }
        switch kind {
        case .people: return try await checkPeople(rows, by: actor)
        case .organizations: return try await checkOrganizations(rows, by: actor)
        case .positions: return try await checkPositions(rows, by: actor)
        case .engagements: return try await checkEngagements(rows, by: actor)
        }
    }

    // MARK: Writing

    /// Writes a clean, decided plan in one transaction. Re-check the file first: what it names may have
    /// changed since it was checked.
    public func write(_ plan: ImportPlan, decisions: ImportDecisions, fileName: String, by actor: Actor, now: Date = Date(),
                      progress: @escaping Progress = { _, _ in }) async throws -> ImportResult {
        try actor.require(.writeRecords)
        guard plan.problems.isEmpty else { throw DomainError.invalid([FieldIssue(field: "file", "import.notClean", String(plan.problems.count))]) }
        let undecided = plan.undecided(decisions)
        guard undecided.isEmpty else { throw DomainError.invalid([FieldIssue(field: "duplicates", "import.undecided", String(undecided.count))]) }
        return try await database.transaction { tx in
            let result: ImportResult
            switch plan.kind {
            case .people: result = try await PeopleImport(database: tx, language: language).write(plan, decisions: decisions, by: actor, now: now, progress: progress)
            case .organizations: result = try await writeOrganizations(plan, decisions: decisions, by: actor, now: now, on: tx, progress: progress)
            case .positions, .engagements: result = try await writeEach(plan, by: actor, now: now, on: tx, progress: progress).result
            }
            try await Imports.recordImport(plan.kind, fileName: fileName, result: result, by: actor, at: now, on: tx)
            return result
        }
    }

    /// Checks a file and, when it is clean and every suggested duplicate is decided, writes it in one
    /// transaction, as `check` and `write` would one after the other (the command line, which knows its
    /// decisions before the check). For people, each checked batch is written while the next is checked:
    /// a problem or an undecided duplicate found later rolls all of it back, so nothing is written unless
    /// the whole file is clean. Returns the plan, and what was written if it was.
    public func checkAndWrite(_ kind: ImportKind, table: CSVReader.Table, mapping: ImportMapping, decisions: ImportDecisions, fileName: String,
                              by actor: Actor, now: Date = Date(), progress: @escaping Progress = { _, _ in }) async throws -> (plan: ImportPlan, result: ImportResult?) {
        guard kind == .people, mapping.problems(kind: kind).isEmpty else {
            let plan = try await check(kind, table: table, mapping: mapping, by: actor)
            guard plan.isReady(decisions) else { return (plan, nil) }
            return (plan, try await write(plan, decisions: decisions, fileName: fileName, by: actor, now: now, progress: progress))
        }
        try actor.require(.writeRecords)
        struct NotReady: Error { let plan: ImportPlan }
        do {
            return try await database.transaction { tx in
                let writer = PeopleImport(database: tx, language: language)
                let rows = ImportRows(table: table, mapping: mapping)
                let total = rows.rows.count
                let (batches, continuation) = AsyncStream.makeStream(of: [PeopleImport.NewRow].self)
                defer { continuation.finish() }
                return try await withThrowingTaskGroup(of: [Int: UUID].self) { group in
                    group.addTask { try await writer.writeNew(batches, total: total, by: actor, now: now, progress: progress) }
                    var suggested = Set<Int>()
                    var writing = true
                    let plan = try await Imports(database: tx, language: language, timeZone: timeZone).checkPeople(rows, by: actor) { plan, items in
                        guard writing else { return }
                        // Once anything stops the import, nothing more goes to the writer; it is all rolled back.
                        guard plan.isReady(decisions) else {
                            writing = false
                            continuation.finish()
                            return
                        }
                        for suggestion in plan.suggestions.reversed() {
                            guard suggested.insert(suggestion.row).inserted else { break }
                        }
                        continuation.yield(PeopleImport.newRows(plan.items[items], plan: plan, suggested: suggested, decisions: decisions))
                    }
                    continuation.finish()
                    let created = try await group.next() ?? [:]
                    guard plan.isReady(decisions) else { throw NotReady(plan: plan) }
                    let merged = try await writer.settleMerges(plan, decisions: decisions, created: created, by: actor, now: now)
                    progress(total, total)
                    let result = ImportResult(created: created.count, merged: merged)
                    try await Imports.recordImport(.people, fileName: fileName, result: result, by: actor, at: now, on: tx)
                    return (plan, result)
                }
            }
        } catch let notReady as NotReady {
            return (notReady.plan, nil)
        }
    }

    /// The import's own entry in the audit trail, beside each record's.
    static func recordImport(_ kind: ImportKind, fileName: String, result: ImportResult, by actor: Actor, at now: Date, on tx: any Database) async throws {
        try await AuditTrail.record(.create, by: actor, recordType: "import", recordID: nil, recordLabel: "\(kind.rawValue): \(fileName)",
                                    changes: [FieldChange(field: "created", from: nil, to: String(result.created)),
                                              FieldChange(field: "merged", from: nil, to: String(result.merged))], at: now, on: tx)
    }
}
