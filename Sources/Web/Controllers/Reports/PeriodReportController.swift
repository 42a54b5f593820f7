import Domain
import Features
import Foundation
import Vapor

/// The period report and the dashboard, on the site and in the API, with Markdown and CSV exports.
/// Without a period they show this year so far beside the same days of last year.
struct PeriodReportController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.GET, .dashboard, access: read, use: dashboard)
        routes.on(.GET, .periodReport, access: read, use: page)
        routes.on(.GET, .periodReportFile(.markdown), access: read, use: markdown)
        routes.on(.GET, .periodReportFile(.csv), access: read, use: csv)
        routes.on(.GET, .periodReportFile(.html), access: read, use: html)
        routes.on(.GET, .api(.periodReport), access: read, use: api)
    }

    /// The period and place asked for, or the mistakes, each at its field. A form leaves a field empty to
    /// mean "the default"; the API takes only what its description allows, so there an empty value is a mistake.
    static func request(_ req: Request) -> (period: ReportPeriod?, placeID: UUID?, issues: [FieldIssue]) {
        var issues: [FieldIssue] = []
        let strict = req.isAPI
        func day(_ field: String, default value: Day) -> Day? {
            let raw = req.queryText(field)
            if raw.isEmpty && strict && req.queryValues[field] != nil { issues.append(FieldIssue(field: field, "date.invalid")); return nil }
            guard !raw.isEmpty else { return value }
            guard let day = Day(raw) else { issues.append(FieldIssue(field: field, "date.invalid")); return nil }
            return day
        }
        let today = req.today
        let from = day("from", default: Day(year: today.year, month: 1, day: 1)!)
        let to = day("to", default: today)
        var placeID: UUID?
        if strict && req.queryValues["place"] != nil && req.queryText("place").isEmpty { issues.append(FieldIssue(field: "place", "reference.unknown")) }
        if !req.queryText("place").isEmpty {
            placeID = UUID(uuidString: req.queryText("place"))
            if placeID == nil { issues.append(FieldIssue(field: "place", "reference.unknown")) }
        }
        var period: ReportPeriod?
        if let from, let to {
            period = ReportPeriod(from: from, to: to)
            if period == nil { issues.append(FieldIssue(field: "to", "period.invalid")) }
        }
        return (issues.isEmpty ? period : nil, placeID, issues)
    }

    func report(_ req: Request, text: Localizer? = nil) async throws -> (PeriodReport?, [FieldIssue]) {
        let (period, placeID, issues) = Self.request(req)
        guard let period else { return (nil, issues) }
        do {
            return (try await PeriodReport.make(period, placeID: placeID, database: req.db, language: (text ?? req.localizer).tag,
                                                today: req.today,
                                              index: req.roundtable.reach, by: req.actor), [])
        } catch DomainError.invalid(let placeIssues) {
            return (nil, placeIssues)
        }
    }

    /// The report and the filter above it; the filter's place menu is read while the report is counted.
    func reportAndFilter(_ req: Request) async throws -> (PeriodReport?, PeriodFilter, [FieldIssue]) {
        async let places = req.placeChoices()
        let (report, issues) = try await report(req)
        let filter = PeriodFilter(from: report?.current.period.from.description ?? req.queryText("from"),
                                  to: report?.current.period.to.description ?? req.queryText("to"),
                                  placeID: req.queryText("place"), places: try await places, errors: .init(issues, text: req.localizer))
        return (report, filter, issues)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let (report, filter, issues) = try await reportAndFilter(req)
        let html = PeriodReportPage.view(.init(report: report, filter: filter,
                                                     seesRestricted: req.actor.can(.readRestricted)),
                                         chrome: Pages.chrome(for: req, current: .dashboard))
        return Pages.response(html, status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    @Sendable func dashboard(_ req: Request) async throws -> Response {
        let publication = try await publication(req)
        let (report, filter, issues) = try await reportAndFilter(req)
        let html = DashboardPage.view(.init(report: report, filter: filter,
                                                  seesRestricted: req.actor.can(.readRestricted), publication: publication),
                                      chrome: Pages.chrome(for: req, current: .dashboard))
        return Pages.response(html, status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    /// An export with mistakes in its period answers like the API: the problem, field by field.
    func exportable(_ req: Request, text: Localizer) async throws -> PeriodReport {
        let (report, issues) = try await report(req, text: text)
        guard let report else { throw DomainError.invalid(issues) }
        return report
    }

    /// `for=publication` asks for a copy meant for publication: small numbers suppressed with the site's
    /// threshold. Without it the figures are exact and the file says it is not for publication; any other
    /// value is a mistake rather than a quiet exact copy.
    func publication(_ req: Request) async throws -> SmallNumbers? {
        guard req.queryValues["for"] != nil else { return nil }
        guard req.queryText("for") == "publication" else { throw DomainError.invalid([FieldIssue(field: "for", "field.notAChoice")]) }
        return try await SiteSettings(database: req.db).smallNumbers()
    }

    @Sendable func markdown(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let publication = try await publication(req)
        let report = try await exportable(req, text: text)
        return download(PeriodReportTable.markdown(report, text: text, publication: publication), type: "text/markdown; charset=utf-8",
                        name: publication == nil ? "period-report.md" : "period-report-for-publication.md")
    }

    @Sendable func csv(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let publication = try await publication(req)
        let report = try await exportable(req, text: text)
        return download(CSV.document(PeriodReportTable.csvRows(report, text: text, publication: publication)), type: "text/csv; charset=utf-8",
                        name: publication == nil ? "period-report.csv" : "period-report-for-publication.csv")
    }

    @Sendable func html(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let publication = try await publication(req)
        let report = try await exportable(req, text: text)
        return download(PeriodViews.standalone(report, seesRestricted: req.actor.can(.readRestricted), publication: publication,
                                               stylesheet: req.roundtable.stylesheet, text: text), type: "text/html; charset=utf-8",
                        name: publication == nil ? "period-report.html" : "period-report-for-publication.html")
    }

    @Sendable func api(_ req: Request) async throws -> Response {
        try APIJSON.response(try await exportable(req, text: req.localizer))
    }

    func download(_ body: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\"", "Cache-Control": "private, no-store"],
                 body: .init(string: body))
    }
}
