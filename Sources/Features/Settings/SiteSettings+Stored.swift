import FluentKit
import Storage

/// A setting's stored value, as one fixed statement (see `FixedQuery`): the sensitive fields are read on every
/// page that shows a person to a viewer, the default language every ten seconds, and reading them as Fluent
/// models built the statement's text anew each time (and on PostgreSQL parsed and planned it).
enum SiteSettingValue: FixedQuery {
    static let name = "site_setting_value"
    static let sql = #"SELECT "value" FROM "site_settings" WHERE "key" = {1}"#
}

extension SiteSettings {
    /// What is stored under `key` (one of `SiteSettingModel`'s), or nil where nothing is: the default applies.
    func stored(_ key: String) async throws -> String? {
        try await SiteSettingValue.rows(binding: [.text(key)], on: database).first?.decode(column: "value", as: String.self)
    }
}
