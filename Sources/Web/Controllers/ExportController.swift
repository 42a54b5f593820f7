import Domain
import Features
import Foundation
import Vapor

/// Every record of a kind the reader may see, as CSV that opens in Excel (UTF-8 BOM, formulas defused):
/// `/people/export.csv` on the site, `/api/v1/people.csv` in the API (likewise for the other kinds).
/// And everything at once as a zip of JSON files: `/export.zip`, `/api/v1/export.zip`, listed on `/export`.
struct ExportController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        for kind in RecordExport.Kind.allCases {
            routes.on(.GET, .csvExport(kind), access: read) { try await csv($0, kind) }
            routes.on(.GET, .api(.csvExport(kind)), access: read) { try await csv($0, kind) }
        }
        routes.on(.GET, .export, access: read, use: page)
        routes.on(.GET, .exportZip, access: read, use: zip)
        routes.on(.GET, .api(.exportZip), access: read, use: zip)
    }

    @Sendable func csv(_ req: Request, _ kind: RecordExport.Kind) async throws -> Response {
        let rows = try await RecordExport(database: req.db, language: req.localizer.tag).rows(kind, by: req.actor)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"\(kind.rawValue).csv\"",
                                               "Cache-Control": "private, no-store"], body: .init(string: CSV.document(rows)))
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let model = ExportPage.Model(kinds: RecordExport.Kind.allCases, files: DatabaseExport.files,
                                     seesRestricted: user.role.canSee(.restricted))
        return Pages.response(ExportPage.view(model, chrome: Pages.chrome(for: req, current: .export)), request: req)
    }

    /// Written to a temporary file first (the zip's directory comes last), then streamed and removed.
    @Sendable func zip(_ req: Request) async throws -> Response {
        let now = Date()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-export-\(UUID().uuidString).zip")
        do {
            _ = try await DatabaseExport(database: req.db, language: req.localizer.tag).write(to: file, by: req.actor, now: now)
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error
        }
        let response = try await req.fileio.asyncStreamFile(at: file.path, mediaType: HTTPMediaType(type: "application", subType: "zip")) { _ in
            try? FileManager.default.removeItem(at: file)
        }
        let name = "roundtable-export-\(Day(utc: now)).zip"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
