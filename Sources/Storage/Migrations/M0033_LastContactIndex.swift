import FluentKit

/// The people list's "last contact" reads, for each participation of the page's people, whether its
/// engagement is live and visible and when it was. With these four columns in one index SQLite answers
/// from the index alone (1.4 ms for fifty people at 300,000 engagements, against 4 ms reading each row).
struct M0033_LastContactIndex: AsyncMigration {
    var name: String { "M0033_LastContactIndex" }

    static let index = "engagements_contact"

    func prepare(on database: any Database) async throws {
        try await SQLIndex.create(Self.index, on: "engagements",
                                  columns: ["id", "deleted_at", "confidentiality", "local_start"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await SQLIndex.drop(Self.index, in: database)
    }
}
