import Domain
import Features
import Vapor

/// `/api/v1/audit`: the audit trail, filtered and paged.
struct AuditAPIController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .api(.audit), access: .permission(.viewAuditTrail), use: list)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let query = try req.query.decode(AuditQuery.self)
        var issues: [FieldIssue] = []
        let filter = AuditQuery.filter(query, issues: &issues)
        // Unlike the page's filter form, the API has no empty fields to ignore: an empty value is a mistake.
        if query.action != nil, filter.action == nil { issues.append(FieldIssue(field: "action", "field.wrongType")) }
        if query.from == "" { issues.append(FieldIssue(field: "from", "date.invalid")) }
        if query.to == "" { issues.append(FieldIssue(field: "to", "date.invalid")) }
        if let sort = query.sort, ![AuditPage.oldestFirst, "-" + AuditPage.oldestFirst].contains(sort) {
            issues.append(FieldIssue(field: "sort", "field.notAChoice"))
        }
        if let page = query.page, Int(page).map({ !(1...100_000).contains($0) }) ?? true {
            issues.append(FieldIssue(field: "page", "field.wrongType"))
        }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let page = try await AuditLog(database: req.db).list(filter, page: query.pageNumber, by: req.actor)
        return try APIJSON.response(APIList(items: page.entries, page: page.page, hasMore: page.hasMore))
    }
}
