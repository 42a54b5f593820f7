import Domain
import Features
import Vapor

/// The site's settings, for administrators: the language Roundtable speaks to everyone who has not chosen,
/// and whether administrators and coordinators must use two-factor sign-in.
struct SettingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .settings, access: .permission(.manageSettings), use: show)
        routes.on(.POST, .settings, access: .permission(.manageSettings), use: save)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let settings = SiteSettings(database: req.db)
        var model = SettingsPage.Model(defaultLanguage: try await settings.defaultLanguage(), fallback: req.roundtable.siteLanguage.fallback)
        model.requireTwoFactor = try await settings.requiresTwoFactor()
        return render(req, model)
    }

    struct SettingsForm: Content { var defaultLanguage: String?; var requireTwoFactor: String? }

    /// "" goes back to the server's own default (`ROUNDTABLE_LANGUAGE`).
    @Sendable func save(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SettingsForm.self)
        let raw = form.defaultLanguage ?? ""
        guard raw.isEmpty || Language(rawValue: raw) != nil else {
            var model = SettingsPage.Model(defaultLanguage: nil, fallback: req.roundtable.siteLanguage.fallback)
            model.errors = .init([FieldIssue(field: "defaultLanguage", "field.notAChoice")], text: req.localizer)
            return render(req, model, status: .unprocessableEntity)
        }
        try await SiteSettings(database: req.db).setDefaultLanguage(Language(rawValue: raw), by: req.actor)
        // An unticked box is not sent at all.
        try await SiteSettings(database: req.db).setRequiresTwoFactor(!(form.requireTwoFactor ?? "").isEmpty, by: req.actor)
        req.roundtable.siteLanguage.forget()
        return Pages.redirect(to: .settings, flash: Flash("settings.saved"))
    }

    private func render(_ req: Request, _ model: SettingsPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.response(SettingsPage.view(model, chrome: Pages.chrome(for: req, current: .settings)), status: status, request: req)
    }
}
