import FluentKit

/// Two-factor sign-in: each user's authenticator secret (as sensitive as the password hash), the hashes of
/// their recovery codes, and the passwords waiting for their code.
struct M0036_TwoFactor: AsyncMigration {
    var name: String { "M0036_TwoFactor" }

    func prepare(on database: any Database) async throws {
        try await database.schema(TwoFactorModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("secret", .string, .required)
            .field("enabled_at", .datetime)
            .field("last_step", .int64)
            .field("salt", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(RecoveryCodeModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .create()
        try await SQLIndex.create("recovery_codes_user", on: RecoveryCodeModel.schema, columns: ["user_id"], in: database)
        try await database.schema(SignInChallengeModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(SignInChallengeModel.schema, RecoveryCodeModel.schema, TwoFactorModel.schema)
    }
}
