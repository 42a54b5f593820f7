import Domain
import Features
import Foundation
import Vapor

extension Request {
    /// Today's date in UTC, for "current" positions.
    var today: Day {
        let c = Calendar.utc.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    var canWrite: Bool { currentUser?.user.role.can(.writeRecords) ?? false }
    var canRestore: Bool { currentUser?.user.role.can(.restoreRecords) ?? false }
    var canSeeRestricted: Bool { currentUser?.user.role.can(.readRestricted) ?? false }

    /// A query parameter as text, or "" — pages echo filters back into their forms.
    func queryText(_ name: String) -> String {
        (try? query.get(String.self, at: name))?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    func queryPage() -> Int { Int(queryText("page")).map { max(1, min($0, 1_000_000)) } ?? 1 }
}

/// Form errors for registry pages: field issues stay on the form; anything else is an error page.
enum RegistryErrors {
    static func issues(_ error: DomainError) throws -> [FieldIssue] {
        switch error {
        case .invalid(let issues): return issues
        case .conflict(let issue): return [issue]
        default: throw error
        }
    }
}
