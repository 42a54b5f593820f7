import Domain
import FluentKit
import Foundation
import Storage

/// The demo: the seed's delegation and colleagues as users, one per role, all with one password.
/// Loading twice changes nothing.
public struct DemoData: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher

    public init(database: any Database, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// Printed by `serve --demo` and `demo`; the demo is for trying Roundtable out, never for real data.
    public static let password = "roundtable-demo"

    public static let users: [(name: String, email: String, role: Role)] = [
        ("James Holmes", "james.holmes@ico.example", .admin),
        ("Kübra Kalkandelen", "kubra.kalkandelen@ico.example", .coordinator),
        ("Arta Krasniqi", "arta.krasniqi@ico.example", .officer),
        ("Miloš Petrović", "milos.petrovic@ico.example", .viewer),
    ]

    public struct Summary: Sendable {
        public var usersAdded: Int
    }

    @discardableResult
    public func load(now: Date = Date()) async throws -> Summary {
        var added = 0
        let hash = try await hasher.hash(Self.password)
        for user in Self.users {
            let exists = try await UserModel.query(on: database).filter(\.$email == user.email).count() > 0
            if exists { continue }
            let model = UserModel(email: user.email, name: user.name, role: user.role, passwordHash: hash, now: now)
            try await database.transaction { tx in
                try await model.create(on: tx)
                try await AuditTrail.record(
                    .create, by: .commandLine, recordType: "user", recordID: model.id, recordLabel: model.email,
                    changes: FieldChange.between([], model.auditFields), at: now, on: tx
                )
            }
            added += 1
        }
        return Summary(usersAdded: added)
    }
}
