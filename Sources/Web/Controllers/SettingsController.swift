import Domain
import Features
import Vapor

/// The site's settings, for administrators: the language Roundtable speaks to everyone who has not chosen,
/// whether administrators and coordinators must use two-factor sign-in, the threshold below which counts
/// of people are suppressed in what is published, which personal fields only some roles see, and the
/// retention period.
struct SettingsController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .settings, access: .permission(.manageSettings), use: show)
        routes.on(.POST, .settings, access: .permission(.manageSettings), use: save)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let settings = SiteSettings(database: req.db)
        var model = SettingsPage.Model(defaultLanguage: try await settings.defaultLanguage(), fallback: req.roundtable.siteLanguage.fallback,
                                       threshold: String(try await settings.smallNumbers().threshold))
        model.requireTwoFactor = try await settings.requiresTwoFactor()
        model.sensitiveFields = try await settings.sensitiveFields()
        model.retentionMonths = try await settings.retentionPeriod().map { String($0.months) } ?? ""
        return render(req, model)
    }

    struct SettingsForm: Content {
        var defaultLanguage: String?; var requireTwoFactor: String?; var smallNumberThreshold: String?; var retentionMonths: String?
    }

    /// "" goes back to the server's own default (`ROUNDTABLE_LANGUAGE`). A form without the threshold
    /// leaves it as it is; so does one without the retention period ("" turns it off).
    @Sendable func save(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SettingsForm.self)
        let raw = form.defaultLanguage ?? ""
        let settings = SiteSettings(database: req.db)
        let typedThreshold = form.smallNumberThreshold?.trimmingCharacters(in: .whitespaces)
        // An unticked box is not sent at all.
        let requireTwoFactor = !(form.requireTwoFactor ?? "").isEmpty
        var issues: [FieldIssue] = []
        if !(raw.isEmpty || Language(rawValue: raw) != nil) { issues.append(FieldIssue(field: "defaultLanguage", "field.notAChoice")) }
        let range = SmallNumbers.allowedThresholds
        if let typedThreshold, Int(typedThreshold).map({ !range.contains($0) }) ?? true {
            issues.append(FieldIssue(field: "smallNumberThreshold", "settings.thresholdRange", String(range.lowerBound), String(range.upperBound)))
        }
        // The boxes ticked, when the form had them (an older form, or one from a test, may not).
        let sensitive = req.content[String.self, at: "sensitiveFieldsShown"] == nil ? nil
            : SensitiveFields(Set(PersonalField.allCases.filter { !(req.content[String.self, at: "sensitive_\($0.rawValue)"] ?? "").isEmpty }))
        // nil: not sent; .some(nil): off; .some(months).
        let retention: Int?? = form.retentionMonths.map { $0.trimmingCharacters(in: .whitespaces) }.map { $0.isEmpty ? nil : Int($0) ?? -1 }
        if case .some(.some(let months)) = retention, RetentionPeriod(months: months) == nil {
            issues.append(FieldIssue(field: "retentionMonths", "field.notAChoice"))
        }
        guard issues.isEmpty else {
            let stored = String(try await settings.smallNumbers().threshold)
            var model = SettingsPage.Model(defaultLanguage: Language(rawValue: raw), fallback: req.roundtable.siteLanguage.fallback,
                                           threshold: typedThreshold ?? stored)
            model.requireTwoFactor = requireTwoFactor
            if let sensitive { model.sensitiveFields = sensitive } else { model.sensitiveFields = try await settings.sensitiveFields() }
            let storedRetention = try await settings.retentionPeriod().map { String($0.months) } ?? ""
            model.retentionMonths = form.retentionMonths ?? storedRetention
            model.errors = .init(issues, text: req.localizer)
            return render(req, model, status: .unprocessableEntity)
        }
        try await settings.setDefaultLanguage(Language(rawValue: raw), by: req.actor)
        try await settings.setRequiresTwoFactor(requireTwoFactor, by: req.actor)
        if let threshold = typedThreshold.flatMap({ Int($0) }) { try await settings.setSmallNumberThreshold(threshold, by: req.actor) }
        if let sensitive { try await settings.setSensitiveFields(sensitive, by: req.actor) }
        if let retention { try await settings.setRetentionPeriod(months: retention, by: req.actor) }
        req.roundtable.siteLanguage.forget()
        return Pages.redirect(to: .settings, flash: Flash("settings.saved"))
    }

    private func render(_ req: Request, _ model: SettingsPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.response(SettingsPage.view(model, chrome: Pages.chrome(for: req, current: .settings)), status: status, request: req)
    }
}
