import FluentKit

struct M0005_CreateSignInAttempts: AsyncMigration {
    var name: String { "M0005_CreateSignInAttempts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(SignInAttemptModel.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("at", .datetime, .required)
            .field("succeeded", .bool, .required)
            .create()
        try await SQLIndex.create(on: SignInAttemptModel.schema, [
            "sign_in_attempts_email": ["email", "at"],
            "sign_in_attempts_address": ["address", "at"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SignInAttemptModel.schema).delete()
    }
}
