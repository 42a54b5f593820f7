import Domain
import Features
import Markup
import Vapor

/// Saving a list's filters under a name, and removing a saved filter: each user's own, from the list pages.
struct SavedFiltersController {
    /// The lists whose filters can be saved.
    static let lists: [Resource] = [.person, .organization, .engagement, .agreement, .contextEvent, .recommendation]

    func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, .list(.savedFilter), access: .permission(.readRecords), use: save)
        routes.on(.POST, .record(.savedFilter, RouteParameter.id, .delete), access: .permission(.readRecords), use: remove)
    }

    struct SaveForm: Content {
        var list: String?
        var query: String?
        var name: String?
    }

    /// Back to the list as saved; a wrong name comes back on a page of its own, the mistake beside the field.
    @Sendable func save(_ req: Request) async throws -> Response {
        let form = try req.content.decode(SaveForm.self)
        guard let list = Self.lists.first(where: { $0.sitePath == form.list }) else {
            throw DomainError.invalid([FieldIssue(field: "list", "field.notAChoice")])
        }
        let query = SavedFiltersBar.withoutPage(form.query ?? "")
        do {
            let saved = try await SavedFilters(database: req.db).save(name: form.name ?? "", list: list.sitePath, query: query,
                                                                      by: req.actor)
            return Pages.redirect(to: .list(list), flash: Flash("savedFilters.saved", saved.name),
                                  query: query.isEmpty ? nil : query)
        } catch DomainError.invalid(let issues) where issues.allSatisfy({ $0.field == "name" }) {
            let chrome = Pages.chrome(for: req, current: .list(list))
            let errors = Forms.Errors(issues, text: req.localizer)
            let html = Layout.page(title: chrome.text("savedFilters.save"), chrome: chrome) {
                H.el("h1") { Text(chrome.text("savedFilters.save")) }
                SavedFiltersBar.form(list: list, query: query, name: form.name ?? "", error: errors["name"], open: true,
                                     chrome: chrome)
                H.el("p") {
                    H.el("a", [("href", SiteURL.list(list).path + (query.isEmpty ? "" : "?" + query))]) {
                        Text(chrome.text("savedFilters.back"))
                    }
                }
            }
            return Pages.response(html, status: .unprocessableEntity, request: req)
        }
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let removed = try await SavedFilters(database: req.db).remove(try req.idParameter(), by: req.actor)
        let list = Self.lists.first { $0.sitePath == removed.list } ?? .person
        return Pages.redirect(to: .list(list), flash: Flash("savedFilters.removed"),
                              query: removed.query.isEmpty ? nil : removed.query)
    }
}

extension Request {
    /// The signed-in reader's saved filters of a list.
    func savedFilters(of list: Resource) async throws -> [SavedFilters.Saved] {
        try await SavedFilters(database: db).of(list: list.sitePath, by: actor)
    }
}
