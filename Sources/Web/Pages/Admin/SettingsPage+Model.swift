import Domain

/// The site's settings: the default interface language.
enum SettingsPage {
    struct Model: Sendable {
        /// What an administrator chose; nil: the server's own default applies.
        var defaultLanguage: Language?
        /// The server's own default (`ROUNDTABLE_LANGUAGE`, else English).
        var fallback: Language
        var errors = Forms.Errors()
    }
}
