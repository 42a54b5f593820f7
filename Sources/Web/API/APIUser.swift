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
    /// The interface language the user chose; absent until they choose.
    var language: String?

    init(_ user: UserSummary) {
        language = user.language?.rawValue
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
