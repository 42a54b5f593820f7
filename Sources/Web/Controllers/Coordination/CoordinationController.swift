import Domain
import Features
import Foundation
import Vapor

/// Who does what where: the matrix, the HXL CSV, one activity, add, edit, delete, restore, history.
struct CoordinationController: RecordPages {
    static let resource = Resource.coordination
    typealias Kind = Coordination

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.GET, .coordinationExport, access: read, use: export)
        RecordActions(self).register(routes, index: index)
    }

    /// The place and period filters (bad days are reported at their field).
    static func query(_ req: Request) -> (Coordination.Query, [FieldIssue]) {
        var query = Coordination.Query()
        var issues: [FieldIssue] = []
        query.placeID = UUID(uuidString: req.queryText("place"))
        for field in ["from", "to"] where !req.queryText(field).isEmpty {
            guard let day = Day(req.queryText(field)) else { issues.append(FieldIssue(field: field, "date.invalid")); continue }
            if field == "from" { query.from = day } else { query.to = day }
        }
        return (query, issues)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let (query, issues) = Self.query(req)
        let matrix = try await kind(req).matrix(query, by: req.actor)
        let model = CoordinationIndexPage.Model(matrix: matrix, placeID: req.queryText("place"), from: req.queryText("from"), to: req.queryText("to"),
                                                 places: try await req.placeChoices(), canWrite: req.canWrite, errors: .init(issues, text: req.localizer))
        return Pages.response(CoordinationIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.coordination))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    /// The same activities as CSV with HXL hashtags under the header row, for humanitarian coordination tools.
    @Sendable func export(_ req: Request) async throws -> Response {
        let (query, issues) = Self.query(req)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let rows = try await kind(req).hxlRows(query, by: req.actor)
        return Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"who-does-what-where.csv\"",
            "Cache-Control": "private, no-store",
        ], body: .init(string: CSV.document(rows)))
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let activity = try await kind(req).get(id, by: req.actor)
        return CoordinationPage.view(CoordinationPage.Model(activity: activity, canWrite: req.canWrite, canRestore: req.canRestore), chrome: chrome(req))
    }

    func input(_ form: ActivityForm, existing: CoordinationRecord?, _ req: Request) async throws -> (CoordinationInput, [FieldIssue]) {
        try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
    }

    struct ActivityForm: Content, PostedForm {
        var organization: String?, theme: String?, startsOn: String?, endsOn: String?, placeIDs: [String]?, contact: String?, notes: String?
        var version: String?

        var values: CoordinationFormPage.Values {
            var values = CoordinationFormPage.Values()
            values.organization = organization ?? ""; values.theme = theme ?? ""; values.startsOn = startsOn ?? ""; values.endsOn = endsOn ?? ""
            values.placeIDs = placeIDs ?? []; values.contact = contact ?? ""; values.notes = notes ?? ""; values.version = version ?? ""
            return values
        }

        func input(lookup: NameLookup, actor: Actor, existing: CoordinationRecord?) async throws -> (CoordinationInput, [FieldIssue]) {
            var input = CoordinationInput(organizationID: nil, theme: theme ?? "")
            input.startsOn = startsOn
            input.endsOn = endsOn
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            input.notes = notes
            var issues: [FieldIssue] = []
            if let name = organization?.trimmingWhitespace(), !name.isEmpty {
                switch try await lookup.resolveOrganization(name, field: "organizationID", by: actor, preferring: Set(existing.map { [$0.organization.id] } ?? [])) {
                case .found(let ref): input.organizationID = ref.id
                case .problem(let issue): issues.append(issue)
                }
            }
            if let name = contact?.trimmingWhitespace(), !name.isEmpty {
                switch try await lookup.resolvePerson(name, field: "contactPersonID", by: actor, preferring: Set(existing?.contact.map { [$0.id] } ?? [])) {
                case .found(let ref): input.contactPersonID = ref.id
                case .problem(let issue): issues.append(issue)
                }
            }
            return (input, issues)
        }
    }

    func formPage(_ req: Request, _ values: CoordinationFormPage.Values, existing: CoordinationRecord?, errors: [FieldIssue],
                  conflict: CoordinationRecord?) async throws -> String {
        let model = CoordinationFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                places: try await req.placeChoices())
        return CoordinationFormPage.view(model, chrome: chrome(req))
    }
}
