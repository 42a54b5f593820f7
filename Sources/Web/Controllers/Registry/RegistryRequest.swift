import Domain
import Features
import Foundation
import Vapor

extension Request {
    /// Today's date in UTC, for "current" positions.
    var today: Day { Day(utc: Date()) }

    var canWrite: Bool { currentUser?.user.role.can(.writeRecords) ?? false }
    var canRestore: Bool { currentUser?.user.role.can(.restoreRecords) ?? false }
    var canSeeRestricted: Bool { currentUser?.user.role.can(.readRestricted) ?? false }

    /// A query parameter as text, or "" — pages echo filters back into their forms.
    func queryText(_ name: String) -> String {
        queryValues[name]?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    private struct QueryValuesKey: StorageKey { typealias Value = [String: String] }

    /// The query string's values, read once a request: a list page asks for eight of them, and Vapor's
    /// decoder parses the whole query string again for each (2 % of a list page's time).
    var queryValues: [String: String] {
        if let values = storage[QueryValuesKey.self] { return values }
        let values = QueryValues.parse(url.query)
        storage[QueryValuesKey.self] = values
        return values
    }

    /// Every place with its path, in the reader's language, for menus.
    func placeChoices() async throws -> [RecordRef] {
        try await Places(database: db, language: localizer.tag).choices(by: actor, cache: roundtable.choices)
    }

    /// The communities, for menus.
    func communityChoices() async throws -> [RecordRef] {
        try await Communities(database: db).choices(by: actor, cache: roundtable.choices)
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
