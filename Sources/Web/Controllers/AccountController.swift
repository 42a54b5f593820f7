import Domain
import Features
import Vapor

/// A user's own password, two-factor sign-in, API tokens and calendar feed.
struct AccountController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .account, access: .signedIn, use: show)
        routes.on(.POST, .accountPassword, access: .signedIn, use: changePassword)
        routes.on(.GET, .accountPasswordChanged, access: .signedIn, use: showPasswordChanged)
        routes.on(.POST, .accountTokensRevokeAll, access: .permission(.useAPITokens), use: revokeAllTokens)
        routes.on(.POST, .accountLanguage, access: .signedIn, use: chooseLanguage)
        routes.on(.POST, .list(.token), access: .permission(.useAPITokens), use: createToken)
        routes.on(.POST, .record(.token, RouteParameter.id, .revoke), access: .permission(.useAPITokens), use: revokeToken)
        routes.on(.POST, .accountCalendar, access: .permission(.readRecords), use: createCalendarFeed)
        routes.on(.POST, .accountCalendarRevoke, access: .permission(.readRecords), use: revokeCalendarFeed)
        routes.on(.GET, .accountTwoFactor, access: .signedIn, use: showTwoFactorSetUp)
        routes.on(.POST, .accountTwoFactorConfirm, access: .signedIn, use: confirmTwoFactor)
        routes.on(.POST, .accountTwoFactorOff, access: .signedIn, use: turnOffTwoFactor)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await render(req, model: model(req))
    }

    struct PasswordForm: Content { var currentPassword: String?; var newPassword: String? }

    @Sendable func changePassword(_ req: Request) async throws -> Response {
        guard let current = req.currentUser else { throw WebError.unauthenticated }
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await SetPassword(database: req.db, hasher: req.roundtable.hasher)(
                userID: current.user.id, newPassword: form.newPassword ?? "", currentPassword: form.currentPassword ?? "",
                keepSessionID: current.sessionID, by: req.actor
            )
            // A token outlives the change: when some still work, the next page says so and offers to revoke them.
            let tokens = current.user.role.can(.useAPITokens)
                ? try await APITokens(database: req.db).list(forUserID: current.user.id, by: req.actor).count : 0
            if tokens > 0 { return Pages.redirect(to: .accountPasswordChanged) }
            return Pages.redirect(to: .account, flash: Flash("account.passwordChanged"))
        } catch let error as DomainError {
            var model = try await model(req)
            model.errors = .init(try UsersController.issues(error), text: req.localizer)
            return try await render(req, model: model, status: .unprocessableEntity)
        }
    }

    /// The password is changed and API tokens still work: how many, and one button to revoke them all.
    /// With none left (revoked meanwhile, or opened again later) it is the account page.
    @Sendable func showPasswordChanged(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        guard user.role.can(.useAPITokens) else { return Pages.redirect(to: .account) }
        let tokens = try await APITokens(database: req.db).list(forUserID: user.id, by: req.actor)
        guard !tokens.isEmpty else { return Pages.redirect(to: .account) }
        return Pages.response(PasswordChangedPage.view(tokens: tokens, chrome: Pages.chrome(for: req, current: .account)), request: req)
    }

    @Sendable func revokeAllTokens(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let revoked = try await APITokens(database: req.db).revokeAll(forUserID: user.id, by: req.actor)
        return Pages.redirect(to: .account, flash: Flash("account.tokens.revokedAll", String(revoked)))
    }

    struct LanguageForm: Content { var language: String? }

    /// "" means: as my browser asks. The page that answers is already in the new language.
    @Sendable func chooseLanguage(_ req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        let raw = form.language ?? ""
        guard raw.isEmpty || Language(rawValue: raw) != nil else {
            var model = try await model(req)
            model.errors = .init([FieldIssue(field: "language", "field.notAChoice")], text: req.localizer)
            return try await render(req, model: model, status: .unprocessableEntity)
        }
        _ = try await ChooseLanguage(database: req.db)(Language(rawValue: raw), by: req.actor)
        return Pages.redirect(to: .account, flash: Flash("account.languageChanged"))
    }

    struct TokenForm: Content { var label: String? }

    @Sendable func createToken(_ req: Request) async throws -> Response {
        guard let current = req.currentUser else { throw WebError.unauthenticated }
        let form = try req.content.decode(TokenForm.self)
        do {
            let created = try await APITokens(database: req.db).create(forUserID: current.user.id, label: form.label, by: req.actor)
            var model = try await model(req)
            model.newTokenSecret = created.secret
            return try await render(req, model: model, status: .created)
        } catch let error as DomainError {
            var model = try await model(req)
            model.errors = .init(try UsersController.issues(error), text: req.localizer)
            return try await render(req, model: model, status: .unprocessableEntity)
        }
    }

    @Sendable func revokeToken(_ req: Request) async throws -> Response {
        try await APITokens(database: req.db).revoke(id: req.idParameter(), by: req.actor)
        return Pages.redirect(to: .account, flash: Flash("account.tokens.revoked"))
    }

    /// The new address is shown on the page that answers the POST, once: only its hash is kept.
    @Sendable func createCalendarFeed(_ req: Request) async throws -> Response {
        guard let current = req.currentUser else { throw WebError.unauthenticated }
        let created = try await CalendarFeeds(database: req.db).create(forUserID: current.user.id, by: req.actor)
        var model = try await model(req)
        model.newCalendarURL = req.baseURL + SiteURL.calendarFeed(created.secret).path
        return try await render(req, model: model, status: .created)
    }

    @Sendable func revokeCalendarFeed(_ req: Request) async throws -> Response {
        guard let current = req.currentUser else { throw WebError.unauthenticated }
        try await CalendarFeeds(database: req.db).revoke(forUserID: current.user.id, by: req.actor)
        return Pages.redirect(to: .account, flash: Flash("account.calendar.revoked"))
    }

    /// The secret being set up (a new one the first time), as a QR code and typed; it is used for signing in
    /// only once a code made from it is typed back.
    @Sendable func showTwoFactorSetUp(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let twoFactor = TwoFactor(database: req.db)
        if try await twoFactor.status(userID: user.id).isEnabled { return Pages.redirect(to: .account) }
        let secret: String
        if let pending = try await twoFactor.pendingSecret(userID: user.id) {
            secret = pending
        } else {
            secret = try await twoFactor.begin(userID: user.id)
        }
        return try await renderSetUp(req, secret: secret)
    }

    struct CodeForm: Content { var code: String? }

    @Sendable func confirmTwoFactor(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let form = try req.content.decode(CodeForm.self)
        let twoFactor = TwoFactor(database: req.db)
        do {
            let codes = try await twoFactor.confirm(code: form.code ?? "", by: req.actor)
            return Pages.response(TwoFactorPage.recoveryCodes(codes, chrome: Pages.chrome(for: req, current: .account)), request: req)
        } catch DomainError.invalid(let issues) {
            guard let secret = try await twoFactor.pendingSecret(userID: user.id) else { return Pages.redirect(to: .accountTwoFactor) }
            return try await renderSetUp(req, secret: secret, errors: .init(issues, text: req.localizer), status: .unprocessableEntity)
        } catch DomainError.notAllowed {
            return Pages.redirect(to: .accountTwoFactor)
        } catch DomainError.throttled(let until) {
            guard let secret = try await twoFactor.pendingSecret(userID: user.id) else { return Pages.redirect(to: .accountTwoFactor) }
            return try await renderSetUp(req, secret: secret, errors: Self.throttled(until, field: "code", req), status: .tooManyRequests)
        }
    }

    struct TurnOffForm: Content { var password: String? }

    @Sendable func turnOffTwoFactor(_ req: Request) async throws -> Response {
        let form = try req.content.decode(TurnOffForm.self)
        do {
            try await TwoFactor(database: req.db).turnOff(password: form.password ?? "", hasher: req.roundtable.hasher, by: req.actor)
            return Pages.redirect(to: .account, flash: Flash("twoFactor.turnedOff"))
        } catch DomainError.invalid(let issues) {
            var model = try await model(req)
            model.errors = .init(issues, text: req.localizer)
            return try await render(req, model: model, status: .unprocessableEntity)
        } catch DomainError.throttled(let until) {
            var model = try await model(req)
            model.errors = Self.throttled(until, field: "password", req)
            return try await render(req, model: model, status: .tooManyRequests)
        }
    }

    /// Too many wrong codes or passwords: said at the field, with the time to try again.
    static func throttled(_ until: Double, field: String, _ req: Request) -> Forms.Errors {
        .init([FieldIssue(field: field, "signIn.throttled", req.localizer.dateTime(Date(timeIntervalSince1970: until)))], text: req.localizer)
    }

    private func renderSetUp(_ req: Request, secret: String, errors: Forms.Errors = .init(),
                             status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let required = try await TwoFactor(database: req.db).mustSetUp(userID: user.id, role: user.role)
        let model = TwoFactorPage.Model(secret: secret, email: user.email, isRequired: required, errors: errors)
        return Pages.response(TwoFactorPage.view(model, chrome: Pages.chrome(for: req, current: .account)), status: status, request: req)
    }

    private func model(_ req: Request) async throws -> AccountPage.Model {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let canUseTokens = user.role.can(.useAPITokens)
        let tokens = canUseTokens ? try await APITokens(database: req.db).list(forUserID: user.id, by: req.actor) : []
        let canHaveCalendar = user.role.can(.readRecords)
        let calendar = canHaveCalendar ? try await CalendarFeeds(database: req.db).status(forUserID: user.id, by: req.actor) : nil
        var model = AccountPage.Model(user: user, tokens: tokens, canUseTokens: canUseTokens, canHaveCalendar: canHaveCalendar, calendarFeed: calendar)
        model.twoFactor = try await TwoFactor(database: req.db).status(userID: user.id)
        return model
    }

    private func render(_ req: Request, model: AccountPage.Model, status: HTTPResponseStatus = .ok) async throws -> Response {
        Pages.response(AccountPage.view(model, chrome: Pages.chrome(for: req, current: .account)), status: status, request: req)
    }
}
