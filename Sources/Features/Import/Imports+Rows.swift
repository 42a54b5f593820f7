import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Rows checked and written one at a time through the use cases, and the file's own problems in words.
extension Imports {
    /// Checks what only writing can check (references, who may do what) by writing every row through the
    /// use cases in a transaction that is always rolled back.
    func trial(_ plan: ImportPlan, rows: ImportRows, by actor: Actor) async throws -> [ImportProblem] {
        let byNumber = Dictionary(rows.rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        struct Found: Error { var issues: [(Int, [FieldIssue])] }
        var issues: [(Int, [FieldIssue])] = []
        do {
            try await database.transaction { tx in
                let outcome = try await writeEach(plan, by: actor, now: Date(), on: tx, progress: { _, _ in }, collecting: true)
                throw Found(issues: outcome.issues)
            }
        } catch let found as Found {
            issues = found.issues
        }
        return issues.compactMap { row, issues in
            byNumber[row].map { rows.problems($0, issues, fields: ["personID": "person", "organizationID": "organization", "start": "date",
                                                                   "placeID": "place", "partnerIDs": "organizations", "participants": "participants"]) }
        }.flatMap { $0 }.sorted { $0.row < $1.row }
    }

    /// Writes positions or engagements one by one through their use cases; when `collecting`, a row's
    /// invalid input is noted and the next row tried, else it stops the import.
    func writeEach(_ plan: ImportPlan, by actor: Actor, now: Date, on tx: any Database, progress: Progress,
                   collecting: Bool = false) async throws -> (result: ImportResult, issues: [(Int, [FieldIssue])]) {
        var result = ImportResult(created: 0, merged: 0)
        var issues: [(Int, [FieldIssue])] = []
        for (done, item) in plan.items.enumerated() {
            do {
                switch item {
                case let .position(_, input): _ = try await Positions(database: tx).create(input, by: actor, now: now)
                case let .engagement(_, input): _ = try await Engagements(database: tx, language: language).create(input, by: actor, now: now)
                default: continue
                }
                result.created += 1
            } catch let DomainError.invalid(found) where collecting {
                issues.append((item.row, found))
            }
            if done % 100 == 99 { progress(done + 1, plan.items.count) }
        }
        progress(plan.items.count, plan.items.count)
        return (result, issues)
    }

    // MARK: File problems

    static func fileProblemKey(_ problem: CSVReader.Problem) -> String {
        switch problem {
        case .notUTF8: return "import.notUTF8"
        case .empty: return "import.empty"
        case .unclosedQuote: return "import.unclosedQuote"
        case .quoteInsideCell: return "import.quoteInsideCell"
        case .tooManyRows: return "import.tooManyRows"
        case .tooManyColumns: return "import.tooManyColumns"
        }
    }

    static func fileProblemArguments(_ problem: CSVReader.Problem) -> [String] {
        switch problem {
        case let .notUTF8(line), let .unclosedQuote(line), let .quoteInsideCell(line): return [String(line)]
        case .empty: return [""]
        case let .tooManyRows(limit): return [String(limit)]
        case let .tooManyColumns(line, limit): return [String(line), String(limit)]
        }
    }
}
