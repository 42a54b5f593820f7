import Domain

/// The site's settings: the default interface language, and whether two-factor sign-in is required.
enum SettingsPage {
    struct Model: Sendable {
        /// What an administrator chose; nil: the server's own default applies.
        var defaultLanguage: Language?
        /// The server's own default (`ROUNDTABLE_LANGUAGE`, else English).
        var fallback: Language
        /// Administrators and coordinators must use two-factor sign-in.
        var requireTwoFactor = false
        var errors = Forms.Errors()
    }
}
