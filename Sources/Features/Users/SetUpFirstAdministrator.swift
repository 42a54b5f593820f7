import Domain
import FluentKit
import Foundation
import Storage

/// On a database with no users, whoever opens the setup page creates the first administrator.
/// Once any user exists, setup is closed for good.
public struct SetUpFirstAdministrator: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher

    public init(database: any Database, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    public func isNeeded() async throws -> Bool {
        try await UserModel.query(on: database).count() == 0
    }

    public func callAsFunction(email: String, name: String, password: String, address: String?, now: Date = Date()) async throws -> UserSummary {
        // Report every problem at once: the form's fields and the password's length together.
        var issues: [FieldIssue] = []
        do { _ = try UserInput(email: email, name: name, role: "admin").validated() } catch { if case .invalid(let found) = error { issues = found } }
        issues += PasswordPolicy.issues(for: password)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        guard try await isNeeded() else { throw DomainError.notAllowed("setup.done") }
        let actor = Actor(kind: .anonymous, label: EmailAddress.normalized(email), address: address)
        let add = AddUser(database: database, hasher: hasher)
        return try await add.create(UserInput(email: email, name: name, role: "admin"), password: password, by: actor, now: now).user
    }
}
