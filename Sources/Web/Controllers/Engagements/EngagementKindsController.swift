import Domain
import Features
import Vapor

/// Administrators add kinds of engagement beside the built-in ones.
struct EngagementKindsController {
    func register(_ routes: any RoutesBuilder) {
        let settings = Access.permission(.manageSettings)
        routes.on(.GET, .list(.engagementKind), access: settings, use: index)
        routes.on(.POST, .list(.engagementKind), access: settings, use: add)
        routes.on(.GET, .api(.list(.engagementKind)), access: .permission(.readRecords), use: list)
        routes.on(.POST, .api(.list(.engagementKind)), access: settings, use: addFromAPI)
    }

    struct KindForm: Content { var label: String?, key: String? }

    @Sendable func index(_ req: Request) async throws -> Response {
        try await page(req, values: KindForm(label: "", key: ""), errors: [])
    }

    @Sendable func add(_ req: Request) async throws -> Response {
        let form = try req.content.decode(KindForm.self)
        do {
            // An empty key field means "make one from the name".
            let key = form.key?.trimmingWhitespace()
            let kind = try await EngagementKinds(database: req.db).add(label: form.label ?? "", key: key?.isEmpty == false ? key : nil, by: req.actor)
            return Pages.redirect(to: .list(.engagementKind), flash: Flash("record.created", kind.label ?? kind.key))
        } catch let error as DomainError {
            return try await page(req, values: form, errors: RegistryErrors.issues(error))
        }
    }

    private func page(_ req: Request, values: KindForm, errors: [FieldIssue]) async throws -> Response {
        let kinds = try await EngagementKinds(database: req.db).all()
        let html = EngagementKindsPage.view(.init(kinds: kinds, label: values.label ?? "", key: values.key ?? "",
                                                  errors: .init(errors, text: req.localizer)), chrome: Pages.chrome(for: req, current: .list(.engagementKind)))
        return Pages.response(html, status: errors.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await EngagementKinds(database: req.db).all()))
    }

    struct Body: Decodable { var label: String?, key: String? }

    @Sendable func addFromAPI(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        guard let label = body.label else { throw DomainError.invalid([FieldIssue(field: "label", "field.required")]) }
        return try APIJSON.response(try await EngagementKinds(database: req.db).add(label: label, key: body.key, by: req.actor), status: .created)
    }
}
