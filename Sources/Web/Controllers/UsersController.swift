import Domain
import Features
import Vapor

/// Administrators manage who may sign in, and with which role.
struct UsersController {
    func register(_ routes: any RoutesBuilder) {
        let admin = Access.permission(.manageUsers)
        routes.on(.GET, .list(.user), access: admin, use: index)
        routes.on(.GET, .new(.user), access: admin, use: new)
        routes.on(.POST, .list(.user), access: admin, use: create)
        routes.on(.GET, .record(.user, RouteParameter.id), access: admin, use: show)
        routes.on(.POST, .record(.user, RouteParameter.id), access: admin, use: update)
        routes.on(.POST, .record(.user, RouteParameter.id, .disable), access: admin, use: disable)
        routes.on(.POST, .record(.user, RouteParameter.id, .enable), access: admin, use: enable)
        routes.on(.POST, .record(.user, RouteParameter.id, .password), access: admin, use: setPassword)
        routes.on(.POST, .record(.user, RouteParameter.id, .twoFactorReset), access: admin, use: resetTwoFactor)
    }

    struct UserForm: Content {
        var name: String?
        var email: String?
        var role: String?
        var password: String?
        var version: String?
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let users = try await ListUsers(database: req.db)(by: req.actor)
        return Pages.response(UsersIndexPage.view(.init(users: users, sort: req.queryText("sort")), chrome: Pages.chrome(for: req, current: .list(.user))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        Pages.response(UserFormPage.view(.init(), chrome: Pages.chrome(for: req, current: .list(.user))), request: req)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(UserForm.self)
        let input = UserInput(email: form.email ?? "", name: form.name ?? "", role: form.role ?? "")
        do {
            let result = try await AddUser(database: req.db, hasher: req.roundtable.hasher)(input, password: form.password, by: req.actor)
            if let password = result.generatedPassword {
                var model = try await model(for: result.user.id, req: req)
                model.generatedPassword = password
                return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), status: .created, request: req)
            }
            return Pages.redirect(to: .record(.user, result.user.id), flash: Flash("users.created", result.user.email))
        } catch let error as DomainError {
            let issues = try Self.issues(error)
            let model = UserFormPage.Model(name: input.name, email: input.email, role: input.role, errors: .init(issues, text: req.localizer))
            return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), status: .unprocessableEntity, request: req)
        }
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let model = try await model(for: req.idParameter(), req: req)
        return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), request: req)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(UserForm.self)
        let input = UserInput(email: form.email ?? "", name: form.name ?? "", role: form.role ?? "")
        do {
            _ = try await UpdateUser(database: req.db)(id: id, input, expectedVersion: form.version.flatMap { Int($0) }, by: req.actor)
            return Pages.redirect(to: .record(.user, id), flash: Flash("users.saved"))
        } catch let error as DomainError {
            var model = try await model(for: id, req: req)
            model.name = input.name
            model.email = input.email
            model.role = input.role
            switch error {
            case .versionConflict, .versionRequired:
                // Keep what this user typed; show what the other person saved; the next save applies over it.
                model.conflict = model.existing
            case .notAllowed(let key):
                model.errors = .init([FieldIssue(field: "role", key)], text: req.localizer)
            default:
                model.version = form.version.flatMap { Int($0) }
                model.errors = .init(try Self.issues(error), text: req.localizer)
            }
            let status: HTTPResponseStatus = model.conflict != nil ? .conflict : .unprocessableEntity
            return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), status: status, request: req)
        }
    }

    @Sendable func disable(_ req: Request) async throws -> Response {
        let user = try await SetUserDisabled(database: req.db)(id: req.idParameter(), disabled: true, by: req.actor)
        return Pages.redirect(to: .record(.user, user.id), flash: Flash("users.disabledDone", user.email))
    }

    @Sendable func enable(_ req: Request) async throws -> Response {
        let user = try await SetUserDisabled(database: req.db)(id: req.idParameter(), disabled: false, by: req.actor)
        return Pages.redirect(to: .record(.user, user.id), flash: Flash("users.enabledDone", user.email))
    }

    /// For a user who lost their phone and their recovery codes: they sign in with their password again
    /// (and set it up anew if the site requires it); every session they had open ends. Audited.
    @Sendable func resetTwoFactor(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        // Their open sessions end; an administrator resetting their own keeps the one they are using.
        let keep = req.currentUser.flatMap { $0.user.id == id ? $0.sessionID : nil }
        try await TwoFactor(database: req.db).reset(userID: id, keepSessionID: keep, by: req.actor)
        let user = try await ListUsers(database: req.db).one(id, by: req.actor)
        return Pages.redirect(to: .record(.user, id), flash: Flash("users.twoFactorResetDone", user.email))
    }

    struct PasswordForm: Content { var newPassword: String? }

    @Sendable func setPassword(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(PasswordForm.self)
        do {
            let generated = try await SetPassword(database: req.db, hasher: req.roundtable.hasher)(
                userID: id, newPassword: form.newPassword, currentPassword: nil, keepSessionID: req.currentUser?.sessionID, by: req.actor
            )
            var model = try await model(for: id, req: req)
            if let generated {
                model.generatedPassword = generated
                return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), request: req)
            }
            return Pages.redirect(to: .record(.user, id), flash: Flash("users.passwordSet"))
        } catch let error as DomainError {
            var model = try await model(for: id, req: req)
            model.errors = .init(try Self.issues(error), text: req.localizer)
            return Pages.response(UserFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.user))), status: .unprocessableEntity, request: req)
        }
    }

    private func model(for id: UUID, req: Request) async throws -> UserFormPage.Model {
        let user = try await ListUsers(database: req.db).one(id, by: req.actor)
        let history = try await AuditLog(database: req.db).history(of: id)
        return UserFormPage.Model(
            existing: user, name: user.name, email: user.email, role: user.role.rawValue, version: user.version,
            isSelf: req.currentUser?.user.id == id, history: history,
            twoFactorOn: try await TwoFactor(database: req.db).status(userID: id).isEnabled
        )
    }

    /// Errors a form shows at its fields; anything else goes to the error page.
    static func issues(_ error: DomainError) throws -> [FieldIssue] {
        switch error {
        case .invalid(let issues): return issues
        case .conflict(let issue): return [issue]
        default: throw error
        }
    }
}
