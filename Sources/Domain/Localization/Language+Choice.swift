/// Which language a reader is spoken to in — one rule for pages, the API and error answers.
extension Language {
    /// The user's own choice; else the one they picked on the sign-in page (pages only); else the first of
    /// ours their browser asks for; else the site's default.
    public static func forReader(chosen: Language?, switched: Language? = nil, acceptLanguage: String?,
                                 siteDefault: Language) -> Language {
        chosen ?? switched ?? acceptLanguage.flatMap { preferred(acceptLanguage: $0) } ?? siteDefault
    }
}
