import Domain
import Foundation

/// One problem in the file, where the user can find it: the spreadsheet's row and the column's heading.
public struct ImportProblem: Sendable, Codable, Equatable {
    /// The spreadsheet's row number (the header is row 1); 0 for a problem with the whole file or mapping.
    public var row: Int
    /// The column's heading as the file has it ("" for the whole row or file).
    public var column: String
    public var messageKey: String
    public var arguments: [String] = []
}

/// A row that looks like a record already kept, or like an earlier row of the same file.
public struct DuplicateSuggestion: Sendable, Codable, Equatable {
    public var row: Int
    /// The name as the row has it.
    public var name: String
    public var likeness: DuplicateNames.Likeness
    /// The record it looks like, when it is one already kept.
    public var existing: RecordRef?
    /// The earlier row it looks like, when it is in the same file.
    public var earlierRow: Int?
    /// The name it looks like (the record's name, or the earlier row's).
    public var matchedName: String
}

/// What the user chose for a suggested duplicate.
public enum DuplicateDecision: String, Sendable, Codable, CaseIterable {
    /// The row is the record (or earlier row) it looks like: what it adds goes there.
    case merge
    /// The row is someone else: it becomes a record of its own.
    case new
}

/// The outcome of checking a file: every problem, every suggested duplicate, and what would be written.
public struct ImportPlan: Sendable {
    public var kind: ImportKind
    public var rowCount: Int
    public var problems: [ImportProblem]
    public var suggestions: [DuplicateSuggestion]
    var items: [Item]
    /// People rows already validated by the check, so writing need not do it again.
    var validPeople: [Int: PersonInput.Valid] = [:]

    enum Item: Sendable {
        case person(row: Int, PersonInput)
        case organization(row: Int, OrganizationInput, parentName: String?)
        case position(row: Int, PositionInput)
        case engagement(row: Int, EngagementInput)

        var row: Int {
            switch self {
            case let .person(row, _), let .organization(row, _, _), let .position(row, _), let .engagement(row, _): return row
            }
        }
    }

    /// Suggestions the user has not decided yet.
    public func undecided(_ decisions: ImportDecisions) -> [DuplicateSuggestion] {
        suggestions.filter { decisions.decision(for: $0.row) == nil }
    }

    /// Whether the plan may be written with these decisions: no problems and every suggestion decided.
    public func isReady(_ decisions: ImportDecisions) -> Bool { problems.isEmpty && undecided(decisions).isEmpty }
}

/// The user's decisions on suggested duplicates: one per row, or one for all rows not decided on their own.
public struct ImportDecisions: Sendable, Codable, Equatable {
    public var byRow: [Int: DuplicateDecision] = [:]
    public var forAll: DuplicateDecision?

    public init(byRow: [Int: DuplicateDecision] = [:], forAll: DuplicateDecision? = nil) {
        self.byRow = byRow
        self.forAll = forAll
    }

    public func decision(for row: Int) -> DuplicateDecision? { byRow[row] ?? forAll }
}

/// What an import wrote.
public struct ImportResult: Sendable, Codable, Equatable {
    public var created: Int
    public var merged: Int
}
