import Domain
import Features
import Vapor

/// The audit trail for administrators.
struct AuditController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .audit, access: .permission(.viewAuditTrail), use: index)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let query = try? req.query.decode(AuditQuery.self)
        var errors: [FieldIssue] = []
        let filter = AuditQuery.filter(query, issues: &errors)
        let log = AuditLog(database: req.db)
        let page = try await log.list(filter, page: query?.pageNumber ?? 1, by: req.actor)
        let model = AuditPage.Model(
            page: page, actor: query?.actor ?? "", action: filter.action?.rawValue ?? "", recordType: query?.type ?? "",
            from: query?.from ?? "", to: query?.to ?? "", sort: filter.oldestFirst ? AuditPage.oldestFirst : "",
            recordTypes: try await log.recordTypes(),
            errors: .init(errors, text: req.localizer)
        )
        return Pages.response(AuditPage.view(model, chrome: Pages.chrome(for: req, current: .audit)), request: req)
    }
}

/// The audit filter as it arrives in a query string, shared by the page and the API.
struct AuditQuery: Content {
    var actor: String?
    var action: String?
    var type: String?
    var recordType: String?
    var from: String?
    var to: String?
    /// `at` for the oldest first; the newest come first otherwise.
    var sort: String?
    var page: String?

    var pageNumber: Int { page.flatMap { Int($0) }.map { max(1, $0) } ?? 1 }

    static func filter(_ query: AuditQuery?, issues: inout [FieldIssue]) -> AuditLog.Filter {
        var filter = AuditLog.Filter()
        guard let query else { return filter }
        filter.actor = query.actor
        filter.action = query.action.flatMap { AuditAction(rawValue: $0) }
        filter.recordType = query.type ?? query.recordType
        filter.oldestFirst = query.sort == AuditPage.oldestFirst
        if let from = query.from, !from.isEmpty {
            if let day = Formatting.parseDay(from) { filter.from = day } else { issues.append(FieldIssue(field: "from", "date.invalid")) }
        }
        if let to = query.to, !to.isEmpty {
            if let day = Formatting.parseDay(to) { filter.to = day.addingTimeInterval(86400) } else { issues.append(FieldIssue(field: "to", "date.invalid")) }
        }
        return filter
    }
}
