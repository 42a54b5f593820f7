import Domain
import Foundation
import SQLKit
import Storage

/// The user behind a session cookie or an API token: read on every signed-in request, so each is one fixed
/// statement (prepared once per connection on PostgreSQL, see `FixedQuery`) read as plain columns — building
/// Fluent's models (reflection over every field) cost more than the query itself.
enum SessionByToken: FixedQuery {
    static let name = "session_by_token"
    static let sql = """
        SELECT s.id AS session_id, s.created_at AS session_created_at, s.last_seen_at, \(UserColumns.select) \
        FROM \(UserSessionModel.schema) AS s JOIN \(UserModel.schema) AS u ON u.id = s.user_id WHERE s.token_hash = {1}
        """
}

/// A live (not revoked) API token and its user.
enum APITokenBySecret: FixedQuery {
    static let name = "api_token_by_secret"
    static let sql = """
        SELECT t.id AS token_id, t.last_used_at, \(UserColumns.select) \
        FROM \(APITokenModel.schema) AS t JOIN \(UserModel.schema) AS u ON u.id = t.user_id \
        WHERE t.token_hash = {1} AND t.revoked_at IS NULL
        """
}

/// The user's columns both look-ups read, and their decoding.
enum UserColumns {
    static let select = "u.id AS user_id, u.email, u.name, u.role, u.disabled_at, u.last_sign_in_at, u.language, "
        + "u.created_at AS user_created_at, u.version"

    static func summary(_ row: any SQLRow) throws -> UserSummary {
        UserSummary(
            id: try row.decode(column: "user_id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
            isDisabled: !(try row.decodeNil(column: "disabled_at")),
            lastSignInAt: try row.decode(column: "last_sign_in_at", as: Date?.self),
            createdAt: try row.decode(column: "user_created_at", as: Date.self), version: try row.decode(column: "version", as: Int.self),
            language: try row.decode(column: "language", as: String?.self).flatMap(Language.init(rawValue:))
        )
    }
}
