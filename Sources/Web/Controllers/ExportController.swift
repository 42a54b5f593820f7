import Domain
import Features
import Foundation
import Vapor

/// Every record of a kind the reader may see, as CSV that opens in Excel (UTF-8 BOM, formulas defused):
/// `/people/export.csv` on the site, `/api/v1/people.csv` in the API (likewise for the other kinds).
struct ExportController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        for kind in RecordExport.Kind.allCases {
            routes.on(.GET, .recordExport(kind.rawValue), access: read) { try await csv($0, kind) }
            routes.on(.GET, .api(.recordExport(kind.rawValue)), access: read) { try await csv($0, kind) }
        }
    }

    @Sendable func csv(_ req: Request, _ kind: RecordExport.Kind) async throws -> Response {
        let rows = try await RecordExport(database: req.db, language: req.localizer.language).rows(kind, by: req.actor)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Content-Disposition": "attachment; filename=\"\(kind.rawValue).csv\"",
                                               "Cache-Control": "private, no-store"], body: .init(string: CSV.document(rows)))
    }
}
