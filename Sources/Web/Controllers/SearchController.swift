import Domain
import Features
import Foundation
import Storage
import Vapor

/// The search box in the header, its results page, and `GET /api/v1/search?q=`.
struct SearchController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.GET, .search, access: read, use: page)
        routes.on(.GET, .api(.search), access: read, use: api)
    }

    /// At most 200 characters are searched: a pasted paragraph is not a query.
    static func query(_ req: Request) -> String { String(req.queryText("q").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200)) }

    @Sendable func page(_ req: Request) async throws -> Response {
        let query = Self.query(req)
        let results = query.isEmpty ? nil : try await Search(database: req.db, language: req.localizer.tag).run(query, by: req.actor)
        return Pages.response(SearchPage.view(.init(results: results, query: query), chrome: Pages.chrome(for: req, current: .search)), request: req)
    }

    @Sendable func api(_ req: Request) async throws -> Response {
        let query = Self.query(req)
        // Required and at most 200 characters as sent, as the OpenAPI document says (a tab is a query: it was
        // refused as missing, being trimmed first, while a line break was answered).
        let sent = req.queryValues["q"] ?? ""
        guard !sent.isEmpty else { throw DomainError.invalid([FieldIssue(field: "q", "field.required")]) }
        // The page quietly searches the first 200 characters; the API says so instead. Counted as the OpenAPI
        // document's `maxLength` counts, in code points: a letter with combining marks is one Swift character
        // but several code points, and such a query was answered where the document says it is refused.
        guard sent.unicodeScalars.count <= 200 else { throw DomainError.invalid([FieldIssue(field: "q", "search.tooLong")]) }
        let kind = req.queryText("kind")
        if req.queryValues["kind"] != nil, !SearchDocuments.recordTypes.contains(kind) { throw DomainError.invalid([FieldIssue(field: "kind", "field.notAChoice")]) }
        var perKind = Search.perKind
        if req.queryValues["perKind"] != nil {
            guard let asked = Int(req.queryText("perKind")), (1...50).contains(asked) else { throw DomainError.invalid([FieldIssue(field: "perKind", "search.perKind")]) }
            perKind = asked
        }
        // Only spaces (of any kind: a tab, a no-break space, a next-line) is a query, as the OpenAPI document
        // allows it, and it finds nothing.
        guard !query.isEmpty else { return try APIJSON.response(SearchResults(query: "", groups: [])) }
        let results = try await Search(database: req.db, language: req.localizer.tag)
            .run(query, kinds: kind.isEmpty ? SearchDocuments.recordTypes : [kind], perKind: perKind, by: req.actor)
        return try APIJSON.response(results)
    }
}
