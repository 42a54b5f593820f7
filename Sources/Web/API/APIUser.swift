import Domain
import Features
import Foundation

/// A user as the API shows it.
struct APIUser: Codable {
    var id: UUID
    var email: String
    var name: String
    var role: String
    var disabled: Bool
    var lastSignInAt: Date?
    var createdAt: Date
    var version: Int

    init(_ user: UserSummary) {
        id = user.id
        email = user.email
        name = user.name
        role = user.role.rawValue
        disabled = user.isDisabled
        lastSignInAt = user.lastSignInAt
        createdAt = user.createdAt
        version = user.version
    }
}

struct APIList<Item: Encodable>: Encodable {
    var items: [Item]
    var page: Int?
    var hasMore: Bool?
}
