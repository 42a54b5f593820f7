import Domain
import Features
import Foundation
import Vapor

/// The visit report: on the site (print-ready), as Markdown, and as one self-contained HTML file.
struct ReportsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        let id = RouteParameter.id
        routes.on(.GET, .record(.visit, id, .report), access: read, use: visitReport)
        routes.on(.GET, .record(.visit, id, .reportMarkdown), access: read, use: visitReportMarkdown)
        routes.on(.GET, .record(.visit, id, .reportHTML), access: read, use: visitReportHTML)
        routes.on(.GET, .record(.visit, id, .reportPDF), access: read, use: visitReportPDF)
        let write = Access.permission(.writeRecords)
        routes.on(.GET, .record(.visit, id, .editReport), access: write, use: editNarrative)
        routes.on(.POST, .record(.visit, id, .editReport), access: write, use: saveNarrative)
        routes.on(.GET, .api(.record(.visit, id, .report)), access: read, use: apiNarrative)
        routes.on(.PUT, .api(.record(.visit, id, .report)), access: write, use: apiSaveNarrative)
    }

    struct NarrativeForm: Content {
        var introduction: String?, conclusions: String?, nextSteps: String?, version: String?
    }

    @Sendable func editNarrative(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let visit = try await FieldVisits(database: req.db, language: req.localizer.tag).get(id, by: req.actor)
        guard !visit.summary.isDeleted else { throw WebError.notFound }
        let narrative = try await VisitReportNarratives(database: req.db).get(visit: id, by: req.actor)
        return Pages.response(VisitReportFormPage.view(.init(visit: visit, values: narrative), chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    @Sendable func saveNarrative(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(NarrativeForm.self)
        let visit = try await FieldVisits(database: req.db, language: req.localizer.tag).get(id, by: req.actor)
        let typed = VisitReportNarrative(introduction: form.introduction, conclusions: form.conclusions, nextSteps: form.nextSteps,
                                         version: FormValues.int(form.version) ?? 0)
        let narratives = VisitReportNarratives(database: req.db)
        switch try await SaveOutcome.of({ try await narratives.save(typed, visit: id, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.visit, id, .report), flash: Flash("record.saved"))
        case .conflict:
            let theirs = try await narratives.get(visit: id, by: req.actor)
            return Pages.response(VisitReportFormPage.view(.init(visit: visit, values: typed, theirs: theirs), chrome: Pages.chrome(for: req, current: .list(.visit))),
                                  status: .conflict, request: req)
        case .invalid(let issues):
            return Pages.response(VisitReportFormPage.view(.init(visit: visit, values: typed, errors: .init(issues, text: req.localizer)),
                                                           chrome: Pages.chrome(for: req, current: .list(.visit))), status: .unprocessableEntity, request: req)
        }
    }

    @Sendable func apiNarrative(_ req: Request) async throws -> Response {
        let narrative = try await VisitReportNarratives(database: req.db).get(visit: req.idParameter(), by: req.actor)
        return try APIJSON.response(narrative, headers: ["ETag": IfMatch.tag(narrative.version)])
    }

    struct NarrativeBody: Decodable { var introduction: String?, conclusions: String?, nextSteps: String?, version: Int? }

    /// The author's sections, all three at once (a section left out is emptied), with the version they started from.
    @Sendable func apiSaveNarrative(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(NarrativeBody.self, from: req)
        let current = try await VisitReportNarratives(database: req.db).get(visit: id, by: req.actor)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let saved = try await IfMatch.preconditioned(req) {
            try await VisitReportNarratives(database: req.db).save(VisitReportNarrative(introduction: body.introduction, conclusions: body.conclusions,
                                                                                       nextSteps: body.nextSteps), visit: id, expectedVersion: expected, by: req.actor)
        }
        return try APIJSON.response(saved, headers: ["ETag": IfMatch.tag(saved.version)])
    }

    /// The report in the words of `text` (place names follow the same language).
    func draft(_ req: Request, text: Localizer) async throws -> VisitReport {
        try await VisitReport.draft(visit: req.idParameter(), database: req.db, language: text.tag, by: req.actor)
    }

    /// "Drafted from the record on 26 November 2026 for Arta Krasniqi (Officer)": whose view of the record this is.
    func drafted(_ req: Request, text: Localizer) -> String {
        let who = req.currentUser.map { "\($0.user.name) (\(text("role.\($0.user.role.rawValue)")))" } ?? ""
        return text("report.drafted", text.day(req.today), who)
    }

    @Sendable func visitReport(_ req: Request) async throws -> Response {
        let report = try await draft(req, text: req.localizer)
        return Pages.response(VisitReportPage.view(.init(report: report, drafted: drafted(req, text: req.localizer),
                                                         canWrite: req.canWrite && !report.visit.summary.isDeleted),
                                                   chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    @Sendable func visitReportMarkdown(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let report = try await draft(req, text: text)
        let markdown = VisitReportMarkdown.render(report, text: text) + "\n" + drafted(req, text: text) + "\n"
        return download(markdown, type: "text/markdown; charset=utf-8", name: "visit-report.md")
    }

    @Sendable func visitReportHTML(_ req: Request) async throws -> Response {
        download(try await standalone(req), type: "text/html; charset=utf-8", name: "visit-report.html")
    }

    /// The same single-file document printed to PDF by headless Chromium — or, without Chromium on the
    /// server, a page that says so and points to the browser's print dialogue.
    @Sendable func visitReportPDF(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let printer = PDFPrinter.find() else {
            return Pages.response(ReportMessagePage.view(.init(message: req.localizer("report.pdfUnavailable"), back: .record(.visit, id, .report)),
                                                         chrome: Pages.chrome(for: req, current: .list(.visit))), status: .serviceUnavailable, request: req)
        }
        let document = try await standalone(req)
        do {
            let pdf = try await printer.pdf(of: document)
            return Response(status: .ok, headers: ["Content-Type": "application/pdf", "Content-Disposition": "attachment; filename=\"visit-report.pdf\"",
                                                   "Cache-Control": "private, no-store"], body: .init(data: pdf))
        } catch {
            return Pages.response(ReportMessagePage.view(.init(message: req.localizer("report.pdfFailed"), back: .record(.visit, id, .report)),
                                                         chrome: Pages.chrome(for: req, current: .list(.visit))), status: .serviceUnavailable, request: req)
        }
    }

    /// The report as one HTML file: the stylesheet and the small copies of the photos inside it.
    func standalone(_ req: Request) async throws -> String {
        let text = try req.reportLocalizer()
        let report = try await draft(req, text: text)
        // The small copies, inside the file, so the report opens offline and travels as one attachment.
        let photos = Photos(database: req.db, store: req.roundtable.photos)
        var sources: [UUID: String] = [:]
        for photo in report.engagements.flatMap(\.photos) {
            guard let file = try? await photos.file(photo.id, small: true, by: req.actor) else { continue }
            sources[photo.id] = "data:\(file.mediaType);base64," + file.data.base64EncodedString()
        }
        return VisitReportPage.standalone(report, drafted: drafted(req, text: text), stylesheet: req.roundtable.stylesheet,
                                          text: text) { sources[$0.id] }
    }

    func download(_ body: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\"", "Cache-Control": "private, no-store"],
                 body: .init(string: body))
    }
}
