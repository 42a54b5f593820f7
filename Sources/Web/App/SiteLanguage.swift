import Domain
import Features
import FluentKit
import Foundation
import NIOConcurrencyHelpers

/// The site's default language, read from its settings and kept for a short while: every request needs
/// it, and another server process may have changed it (so no longer than `freshFor`).
final class SiteLanguage: Sendable {
    private struct Cached { var language: Language?; var readAt: Date }
    private let cached = NIOLockedValueBox<Cached?>(nil)
    /// `ROUNDTABLE_LANGUAGE`, or English: what applies until an administrator chooses.
    let fallback: Language
    let freshFor: TimeInterval

    init(fallback: Language, freshFor: TimeInterval = 10) {
        self.fallback = fallback
        self.freshFor = freshFor
    }

    func current(on database: any Database, now: Date = Date()) async throws -> Language {
        if let hit = cached.withLockedValue({ $0 }), now.timeIntervalSince(hit.readAt) < freshFor {
            return hit.language ?? fallback
        }
        let chosen = try await SiteSettings(database: database).defaultLanguage()
        cached.withLockedValue { $0 = Cached(language: chosen, readAt: now) }
        return chosen ?? fallback
    }

    /// What is known without asking the database (for an answer to a request that failed before it could).
    var lastKnown: Language { cached.withLockedValue { $0?.language } ?? fallback }

    /// After this process changed the setting.
    func forget() { cached.withLockedValue { $0 = nil } }
}
