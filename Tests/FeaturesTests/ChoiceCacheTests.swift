import Domain
@testable import Features
import FluentKit
import Foundation
import Testing

/// The communities menu on every people page is kept between requests and built again only when the table's
/// fingerprint moves: a community added, renamed or deleted shows in the next menu, on either database, and
/// after PostgreSQL has switched the fingerprint's prepared statement to a kept plan (after five runs).
@Suite("Menus kept between requests")
struct ChoiceCacheTests {
    static let administrator = Actor.role(.admin, "admin@ico.example")

    @Test func aChangedCommunityShowsInTheNextMenu() async throws {
        try await withDatabase { db in
            let communities = Communities(database: db)
            let cache = ChoiceCache()
            func menu() async throws -> [String] { try await communities.choices(by: .officer, cache: cache).map(\.name) }

            let serb = try await communities.create(CommunityInput(name: "Serb", status: "non_majority"), by: Self.administrator)
            for _ in 1 ... 6 { #expect(try await menu() == ["Serb"]) }

            _ = try await communities.create(CommunityInput(name: "Ashkali", status: "non_majority"), by: Self.administrator)
            #expect(try await menu() == ["Ashkali", "Serb"], "a new community")

            _ = try await communities.update(serb.id, CommunityInput(name: "Serbian", status: "non_majority"), expectedVersion: serb.version, by: Self.administrator)
            #expect(try await menu() == ["Ashkali", "Serbian"], "a renamed one: the count is the same, the versions moved")

            let renamed = try await communities.list(by: .officer).first { $0.name == "Serbian" }!
            try await communities.delete(renamed.id, expectedVersion: renamed.version, by: Self.administrator)
            #expect(try await menu() == ["Ashkali"], "a deleted one")
            #expect(try await CommunitiesFingerprint.read(on: db).count == 2)
        }
    }
}
