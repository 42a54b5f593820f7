import Domain

/// The site's settings: the default interface language and the small-number threshold.
enum SettingsPage {
    struct Model: Sendable {
        /// What an administrator chose; nil: the server's own default applies.
        var defaultLanguage: Language?
        /// The server's own default (`ROUNDTABLE_LANGUAGE`, else English).
        var fallback: Language
        /// The threshold below which published counts of people show as "fewer than …", as typed or stored.
        var threshold: String
        var errors = Forms.Errors()
    }
}
