import Domain

/// The site's settings: the default interface language, whether two-factor sign-in is required, and the
/// small-number threshold, and the retention period.
enum SettingsPage {
    struct Model: Sendable {
        /// What an administrator chose; nil: the server's own default applies.
        var defaultLanguage: Language?
        /// The server's own default (`ROUNDTABLE_LANGUAGE`, else English).
        var fallback: Language
        /// Administrators and coordinators must use two-factor sign-in.
        var requireTwoFactor = false
        /// The threshold below which published counts of people show as "fewer than …", as typed or stored.
        var threshold: String
        /// The personal fields only officers, coordinators and administrators see.
        var sensitiveFields = SensitiveFields.defaults
        /// The retention period in months as chosen or sent ("" is off).
        var retentionMonths = ""
        var errors = Forms.Errors()
    }
}
