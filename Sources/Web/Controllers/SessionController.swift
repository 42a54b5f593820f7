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
        routes.on(.POST, .signOut, access: .signedIn, use: signOut)
    }

    struct SetupForm: Content { var name: String?; var email: String?; var password: String? }
    struct SignInForm: Content { var email: String?; var password: String?; var next: String? }

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
        let grant: SignIn.Grant
        do {
            grant = try await signIn(email: email, password: password, address: req.clientAddress)
        } catch let error as DomainError {
            let text = req.localizer
            let (status, message): (HTTPResponseStatus, String)
            switch error {
            case .throttled(let until): (status, message) = (.tooManyRequests, text("signIn.throttled", text.dateTime(Date(timeIntervalSince1970: until))))
            case .invalidCredentials: (status, message) = (.unauthorized, text("signIn.failed"))
            default: throw error
            }
            let model = SignInPage.Model(email: email, next: next ?? "", formError: message)
            return Pages.response(SignInPage.view(model, chrome: Pages.chrome(for: req)), status: status, request: req)
        }
        // A fresh session id at every sign-in; the one this browser had before is ended.
        if let previous = req.currentUser?.sessionID {
            try await Sessions(database: req.db).signOut(sessionID: previous, by: .anonymous(address: req.clientAddress))
        }
        let response = Response(status: .seeOther, headers: ["Location": Self.safeNext(next)])
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
