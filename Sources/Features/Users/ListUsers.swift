import Domain
import FluentKit
import Foundation
import Storage

/// The users an administrator manages, active first, then by name.
public struct ListUsers: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func callAsFunction(by actor: Actor) async throws -> [UserSummary] {
        try actor.require(.manageUsers)
        return try await UserModel.query(on: database).sort(\.$name).sort(\.$email).all()
            .map(\.summary)
            .sorted { ($0.isDisabled ? 1 : 0, $0.name.lowercased()) < ($1.isDisabled ? 1 : 0, $1.name.lowercased()) }
    }

    /// Active colleagues by name, to choose who owns a follow-up or travels on a visit. Anyone who reads
    /// the record may see who their colleagues are; nothing else about them is given.
    public func colleagues(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await UserModel.query(on: database).filter(\.$disabledAt == nil).sort(\.$name).all()
            .map { RecordRef(id: $0.id!, name: $0.name) }
    }

    public func one(_ id: UUID, by actor: Actor) async throws -> UserSummary {
        if actor.userID != id { try actor.require(.manageUsers) }
        guard let user = try await UserModel.find(id, on: database) else { throw DomainError.notFound("user") }
        return user.summary
    }
}
