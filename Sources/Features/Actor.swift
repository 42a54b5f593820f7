import Domain
import Foundation

/// Who is doing something: a signed-in user, the command line, or someone not yet signed in.
public struct Actor: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case user(id: UUID, role: Role)
        case commandLine
        case anonymous
    }

    public var kind: Kind
    /// How the audit trail names the actor: the user's email, "cli", or "anonymous".
    public var label: String
    /// The network address of the request, when there is one.
    public var address: String?

    public init(kind: Kind, label: String, address: String? = nil) {
        self.kind = kind
        self.label = label
        self.address = address
    }

    /// How the trail names someone not signed in, and what a sign-in names when what was typed as the email
    /// is not one (it may be a password, so it is never kept).
    public static let anonymousLabel = "anonymous"
    /// How the trail names the command line.
    public static let commandLineLabel = "cli"

    public static let commandLine = Actor(kind: .commandLine, label: commandLineLabel)
    public static func anonymous(address: String?) -> Actor { Actor(kind: .anonymous, label: anonymousLabel, address: address) }
    public static func user(_ user: UserSummary, address: String? = nil) -> Actor {
        Actor(kind: .user(id: user.id, role: user.role), label: user.email, address: address)
    }

    public var userID: UUID? { if case .user(let id, _) = kind { return id } else { return nil } }

    /// The command line runs as the machine's operator and may do everything.
    public func can(_ permission: Permission) -> Bool {
        switch kind {
        case .user(_, let role): return role.can(permission)
        case .commandLine: return true
        case .anonymous: return false
        }
    }

    public func require(_ permission: Permission) throws(DomainError) {
        guard can(permission) else { throw .forbidden }
    }
}

/// What the rest of the app needs to know about a user, without the password hash.
public struct UserSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var email: String
    public var name: String
    public var role: Role
    public var isDisabled: Bool
    public var lastSignInAt: Date?
    public var createdAt: Date
    public var version: Int
    /// The interface language the user chose, if they have.
    public var language: Language?

    public init(id: UUID, email: String, name: String, role: Role, isDisabled: Bool, lastSignInAt: Date?, createdAt: Date,
                version: Int, language: Language? = nil) {
        self.language = language
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isDisabled = isDisabled
        self.lastSignInAt = lastSignInAt
        self.createdAt = createdAt
        self.version = version
    }
}
