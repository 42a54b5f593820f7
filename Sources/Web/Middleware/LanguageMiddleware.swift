import Domain
import Vapor

/// Chooses the language of the answer once per request (after we know who is asking): the user's own
/// choice, else (pages) the sign-in page's switch, kept in a cookie, else `Accept-Language`, else the
/// site's default. `?lang=` on a page is the switch: it works without scripts and is remembered.
struct LanguageMiddleware: AsyncMiddleware {
    static let cookie = "rt_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Decoding the query string is a form decoder's work: only when `lang` may be in it.
        let asked = !request.isAPI && request.url.query?.contains("lang=") == true
        let switched = asked ? request.query[String.self, at: "lang"].flatMap(Language.init(tag:)) : nil
        let siteDefault = try await request.roundtable.siteLanguage.current(on: request.db)
        let language = Language.forReader(
            chosen: request.currentUser?.user.language,
            switched: switched ?? (request.isAPI ? nil : request.cookie(Self.cookie).flatMap(Language.init(tag:))),
            acceptLanguage: request.headers.first(name: .acceptLanguage), siteDefault: siteDefault)
        request.chosenLocalizer = Localizer(language)
        let response = try await next.respond(to: request)
        if let switched {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: switched.tag, maxAge: 365 * 24 * 3600, path: "/",
                isSecure: request.roundtable.configuration.alwaysSecureCookies || request.isHTTPS,
                isHTTPOnly: true, sameSite: .lax)
        }
        response.headers.replaceOrAdd(name: .contentLanguage, value: language.tag)
        response.headers.add(name: .vary, value: "Accept-Language")
        return response
    }
}

extension Request {
    private struct LocalizerKey: StorageKey { typealias Value = Localizer }

    /// Set by `LanguageMiddleware`.
    var chosenLocalizer: Localizer? {
        get { storage[LocalizerKey.self] }
        set { storage[LocalizerKey.self] = newValue }
    }

    /// The words of this answer. Before `LanguageMiddleware` has run (an error on the way in), the same
    /// rule without the user and without asking the database.
    var localizer: Localizer {
        if let chosen = chosenLocalizer { return chosen }
        return Localizer(Language.forReader(
            chosen: currentUser?.user.language,
            switched: isAPI ? nil : cookie(LanguageMiddleware.cookie).flatMap(Language.init(tag:)),
            acceptLanguage: headers.first(name: .acceptLanguage), siteDefault: roundtable.siteLanguage.lastKnown))
    }
}
