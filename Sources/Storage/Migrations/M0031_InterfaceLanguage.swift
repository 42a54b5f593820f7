import FluentKit

/// The language each user reads Roundtable in (none until they choose), and the site's settings — first
/// among them the language for everyone who has not chosen.
struct M0031_InterfaceLanguage: AsyncMigration {
    var name: String { "M0031_InterfaceLanguage" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserModel.schema).field("language", .string).update()
        try await database.schema(SiteSettingModel.schema)
            .field("key", .string, .identifier(auto: false))
            .field("value", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SiteSettingModel.schema).delete()
        try await database.schema(UserModel.schema).deleteField("language").update()
    }
}
