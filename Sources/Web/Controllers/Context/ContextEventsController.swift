import Domain
import Features
import Foundation
import Vapor

/// Context event pages: the list, one event, record, edit, delete, restore, history.
struct ContextEventsController: ListedRecordPages {
    static let resource = Resource.contextEvent
    typealias Kind = ContextEvents

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = ContextEvents.Query()
        var issues: [FieldIssue] = []
        query.kind = ContextEventKind(rawValue: req.queryText("kind"))
        query.placeID = UUID(uuidString: req.queryText("place"))
        for field in ["from", "to"] where !req.queryText(field).isEmpty {
            guard let day = Day(req.queryText(field)) else { issues.append(FieldIssue(field: field, "date.invalid")); continue }
            if field == "from" { query.from = day } else { query.to = day }
        }
        query.order = ListOrder(req.queryText("sort"), columns: ContextEvents.orderFields.keys)
        query.page = req.queryPage()
        let page = try await kind(req).list(query, by: req.actor)
        var model = ContextEventsIndexPage.Model(page: page, kind: query.kind?.rawValue ?? "", placeID: req.queryText("place"), from: req.queryText("from"),
                                            to: req.queryText("to"), sort: query.order?.text ?? "", places: try await req.placeChoices(), canWrite: req.canWrite,
                                            errors: .init(issues, text: req.localizer))
        model.saved = try await req.savedFilters(of: .contextEvent)
        return Pages.response(ContextEventsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.contextEvent))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let event = try await kind(req).get(id, by: req.actor)
        return ContextEventPage.view(ContextEventPage.Model(event: event, canWrite: req.canWrite, canRestore: req.canRestore), chrome: chrome(req))
    }

    func input(_ form: EventForm, existing: ContextEventRecord?, _ req: Request) async throws -> (ContextEventInput, [FieldIssue]) { (form.input, []) }

    struct EventForm: Content, PostedForm {
        var title: String?, kind: String?, severity: String?, startsOn: String?, endsOn: String?, description: String?, sourceURL: String?
        var confidentiality: String?, placeIDs: [String]?, version: String?

        var input: ContextEventInput {
            var input = ContextEventInput(title: title ?? "", kind: kind ?? "", severity: severity ?? "", startsOn: startsOn ?? "")
            input.endsOn = endsOn
            input.description = description
            input.sourceURL = sourceURL
            input.confidentiality = confidentiality ?? ""
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            return input
        }

        var values: ContextEventFormPage.Values {
            var values = ContextEventFormPage.Values()
            values.title = title ?? ""; values.kind = kind ?? ""; values.severity = severity ?? ""; values.startsOn = startsOn ?? ""
            values.endsOn = endsOn ?? ""; values.description = description ?? ""; values.sourceURL = sourceURL ?? ""
            values.confidentiality = confidentiality ?? ""; values.placeIDs = placeIDs ?? []; values.version = version ?? ""
            return values
        }
    }

    func formPage(_ req: Request, _ values: ContextEventFormPage.Values, existing: ContextEventRecord?, errors: [FieldIssue],
                  conflict: ContextEventRecord?) async throws -> String {
        let model = ContextEventFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                           places: try await req.placeChoices(),
                                           canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        return ContextEventFormPage.view(model, chrome: chrome(req))
    }
}
