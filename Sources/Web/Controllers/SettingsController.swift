import Domain
import Features
import Vapor

/// The site's settings, for administrators: the language Roundtable speaks to everyone who has not chosen.
struct SettingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .settings, access: .permission(.manageSettings), use: show)
        routes.on(.POST, .settings, access: .permission(.manageSettings), use: save)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let chosen = try await SiteSettings(database: req.db).defaultLanguage()
        return render(req, SettingsPage.Model(defaultLanguage: chosen, fallback: req.roundtable.siteLanguage.fallback))
    }

    struct SettingsForm: Content { var defaultLanguage: String? }

    /// "" goes back to the server's own default (`ROUNDTABLE_LANGUAGE`).
    @Sendable func save(_ req: Request) async throws -> Response {
        let raw = try req.content.decode(SettingsForm.self).defaultLanguage ?? ""
        guard raw.isEmpty || Language(rawValue: raw) != nil else {
            var model = SettingsPage.Model(defaultLanguage: nil, fallback: req.roundtable.siteLanguage.fallback)
            model.errors = .init([FieldIssue(field: "defaultLanguage", "field.notAChoice")], text: req.localizer)
            return render(req, model, status: .unprocessableEntity)
        }
        try await SiteSettings(database: req.db).setDefaultLanguage(Language(rawValue: raw), by: req.actor)
        req.roundtable.siteLanguage.forget()
        return Pages.redirect(to: .settings, flash: Flash("settings.saved"))
    }

    private func render(_ req: Request, _ model: SettingsPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.response(SettingsPage.view(model, chrome: Pages.chrome(for: req, current: .settings)), status: status, request: req)
    }
}
