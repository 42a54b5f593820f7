import Domain
import Features
import Vapor

/// First-time setup, signing in and out.
struct SessionController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .setup, access: .anyone, use: showSetup)
        routes.on(.POST, .setup, access: .anyone, use: submitSetup)
        routes.on(.GET, .signIn, access: .anyone, use: showSignIn)
        routes.on(.POST, .signIn, access: .anyone, use: submitSignIn)
        routes.on(.GET, .signInCode, access: .anyone, use: showCode)
        routes.on(.POST, .signInCode, access: .anyone, use: submitCode)
        routes.on(.POST, .signOut, access: .signedIn, use: signOut)
    }

    struct SetupForm: Content { var name: String?; var email: String?; var password: String? }
    struct SignInForm: Content { var email: String?; var password: String?; var next: String? }
    struct CodeForm: Content { var code: String?; var next: String? }

    /// Holds the second step's challenge between the password and the code: not a session, and only the
    /// code page reads it.
    static let challengeCookie = "rt_sign_in_challenge"

    @Sendable func showSetup(_ req: Request) async throws -> Response {
        guard try await req.roundtable.isSetupNeeded(on: req.db) else {
            return Pages.redirect(to: .signIn, flash: Flash("setup.done"))
        }
        return Pages.response(SetupPage.view(.init(), chrome: Pages.chrome(for: req)), request: req)
    }

    @Sendable func submitSetup(_ req: Request) async throws -> Response {
        guard try await req.roundtable.isSetupNeeded(on: req.db) else {
            return Pages.redirect(to: .signIn, flash: Flash("setup.done"))
        }
        let form = try req.content.decode(SetupForm.self)
        let setup = SetUpFirstAdministrator(database: req.db, hasher: req.roundtable.hasher)
        do {
            _ = try await setup(email: form.email ?? "", name: form.name ?? "", password: form.password ?? "", address: req.clientAddress)
        } catch let error as DomainError {
            guard case .invalid(let issues) = error else { throw error }
            let model = SetupPage.Model(name: form.name ?? "", email: form.email ?? "", errors: .init(issues, text: req.localizer))
            return Pages.response(SetupPage.view(model, chrome: Pages.chrome(for: req)), status: .unprocessableEntity, request: req)
        }
        return try await signIn(req, email: form.email ?? "", password: form.password ?? "", next: nil)
    }

    @Sendable func showSignIn(_ req: Request) async throws -> Response {
        if try await req.roundtable.isSetupNeeded(on: req.db) { return Pages.redirect(to: .setup) }
        if req.currentUser != nil { return Pages.redirect(to: .home) }
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        return Pages.response(SignInPage.view(.init(next: next), chrome: Pages.chrome(for: req)), request: req)
    }

    @Sendable func submitSignIn(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        return try await signIn(req, email: form.email ?? "", password: form.password ?? "", next: form.next)
    }

    private func signIn(_ req: Request, email: String, password: String, next: String?) async throws -> Response {
        let signIn = SignIn(database: req.db, hasher: req.roundtable.hasher)
        let outcome: SignIn.Outcome
        do {
            outcome = try await signIn(email: email, password: password, address: req.clientAddress)
        } catch let error as DomainError {
            let (status, message) = try Self.failure(error, text: req.localizer, wrong: "signIn.failed")
            let model = SignInPage.Model(email: email, next: next ?? "", formError: message)
            return Pages.response(SignInPage.view(model, chrome: Pages.chrome(for: req)), status: status, request: req)
        }
        switch outcome {
        case .signedIn(let grant):
            return try await startSession(req, grant: grant, next: next)
        case .needsCode(let challenge):
            var query = ""
            if let next, !next.isEmpty { query = "next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            let response = Pages.redirect(to: .signInCode, query: query.isEmpty ? nil : query)
            response.cookies[Self.challengeCookie] = HTTPCookies.Value(
                string: challenge, expires: nil, maxAge: Int(SignIn.challengeLifetime), domain: nil, path: SiteURL.signInCode.path,
                isSecure: req.roundtable.configuration.alwaysSecureCookies || req.isHTTPS, isHTTPOnly: true, sameSite: .lax
            )
            return response
        }
    }

    /// The message and status for a failed step: throttled, or wrong (password or code).
    private static func failure(_ error: DomainError, text: Localizer, wrong: String) throws -> (HTTPResponseStatus, String) {
        switch error {
        case .throttled(let until): return (.tooManyRequests, text("signIn.throttled", text.dateTime(Date(timeIntervalSince1970: until))))
        case .invalidCredentials: return (.unauthorized, text(wrong))
        default: throw error
        }
    }

    @Sendable func showCode(_ req: Request) async throws -> Response {
        guard let challenge = req.cookie(Self.challengeCookie), !challenge.isEmpty else { return Pages.redirect(to: .signIn) }
        let next = (try? req.query.get(String.self, at: "next")) ?? ""
        return Pages.response(SignInCodePage.view(.init(next: next), chrome: Pages.chrome(for: req)), request: req)
    }

    @Sendable func submitCode(_ req: Request) async throws -> Response {
        let form = try req.content.decode(CodeForm.self)
        let challenge = req.cookie(Self.challengeCookie) ?? ""
        let grant: SignIn.Grant
        do {
            grant = try await SignIn(database: req.db, hasher: req.roundtable.hasher)
                .complete(challenge: challenge, code: form.code ?? "", address: req.clientAddress)
        } catch DomainError.notAllowed("signIn.challengeExpired") {
            let response = Pages.redirect(to: .signIn, flash: Flash("signIn.challengeExpired"))
            response.cookies[Self.challengeCookie] = .expired
            return response
        } catch let error as DomainError {
            let (status, message) = try Self.failure(error, text: req.localizer, wrong: "signIn.codeFailed")
            let model = SignInCodePage.Model(next: form.next ?? "", formError: message)
            return Pages.response(SignInCodePage.view(model, chrome: Pages.chrome(for: req)), status: status, request: req)
        }
        let response = try await startSession(req, grant: grant, next: form.next)
        response.cookies[Self.challengeCookie] = .expired
        return response
    }

    private func startSession(_ req: Request, grant: SignIn.Grant, next: String?) async throws -> Response {
        // A fresh session id at every sign-in; the one this browser had before is ended.
        if let previous = req.currentUser?.sessionID {
            try await Sessions(database: req.db).signOut(sessionID: previous, by: .anonymous(address: req.clientAddress))
        }
        // Administrators and coordinators on a site that requires two-factor sign-in set it up first.
        let mustSetUp = try await TwoFactor(database: req.db).mustSetUp(userID: grant.user.id, role: grant.user.role)
        let location = mustSetUp ? SiteURL.accountTwoFactor.path : Self.safeNext(next)
        let response = Response(status: .seeOther, headers: ["Location": location])
        response.cookies[AuthenticationMiddleware.sessionCookie] = AuthenticationMiddleware.cookie(grant.sessionToken, for: req)
        req.csrfToken = SecretToken.generate()
        return response
    }

    @Sendable func signOut(_ req: Request) async throws -> Response {
        if let id = req.currentUser?.sessionID {
            try await Sessions(database: req.db).signOut(sessionID: id, by: req.actor)
        }
        let response = Pages.redirect(to: .signIn, flash: Flash("signOut.done"))
        response.cookies[AuthenticationMiddleware.sessionCookie] = .expired
        return response
    }

    /// Only local paths: never redirect to another site after sign-in.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("\n"), !next.contains("\r") else {
            return SiteURL.home.path
        }
        return next
    }
}
