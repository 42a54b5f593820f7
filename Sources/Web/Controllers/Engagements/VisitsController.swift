import Domain
import Features
import Foundation
import Vapor

/// Field visit pages: list, one visit with its engagements in order, add, edit, delete, restore, history.
struct VisitsController: ListedRecordPages {
    static let resource = Resource.visit
    typealias Kind = FieldVisits

    @Sendable func index(_ req: Request) async throws -> Response {
        let page = try await kind(req).list(page: req.queryPage(), by: req.actor)
        return Pages.response(VisitsIndexPage.view(.init(page: page, canWrite: req.canWrite), chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let visit = try await kind(req).get(id, by: req.actor)
        var query = Engagements.Query()
        query.visitID = visit.id
        query.chronological = true
        query.perPage = 200
        let engagements = try await Engagements(database: req.db, language: req.localizer.tag).list(query, by: req.actor).items
        let context = try await ContextEvents(database: req.db, language: req.localizer.tag)
            .during(from: visit.summary.startsOn, to: visit.summary.endsOn, limit: 50, by: req.actor)
        let model = VisitPage.Model(visit: visit, engagements: engagements, context: context, canWrite: req.canWrite, canRestore: req.canRestore)
        if req.canWrite, !engagements.contains(where: { $0.confidentiality == .restricted }),
           !(try await OfflinePages.showsRestricted(engagements: [], people: visit.people.map(\.id), to: req)) {
            OfflinePages.allow(req)
        }
        return VisitPage.view(model, chrome: chrome(req))
    }

    func input(_ form: VisitForm, existing: FieldVisitRecord?, _ req: Request) async throws -> (FieldVisitInput, [FieldIssue]) {
        try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
    }

    struct VisitForm: Content, PostedForm {
        var title: String?, purpose: String?, startsOn: String?, endsOn: String?, status: String?, summary: String?, version: String?
        var placeIDs: [String]?, userIDs: [String]?, people: String?

        /// The input, with the delegation's people found by the names typed (problems by field).
        func input(lookup: NameLookup, actor: Actor, existing: FieldVisitRecord?) async throws -> (FieldVisitInput, [FieldIssue]) {
            var input = FieldVisitInput(title: title ?? "", startsOn: startsOn ?? "", endsOn: endsOn ?? "")
            input.purpose = purpose
            input.status = status ?? ""
            input.summary = summary
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            input.memberUserIDs = (userIDs ?? []).compactMap(FormValues.uuid)
            let found = try await lookup.resolvePeople(FormValues.list(people), field: "memberPersonIDs", by: actor,
                                                       preferring: Set((existing?.people ?? []).map(\.id)))
            input.memberPersonIDs = found.ids
            return (input, found.issues)
        }

        var values: VisitFormPage.Values {
            var values = VisitFormPage.Values()
            values.title = title ?? ""; values.purpose = purpose ?? ""; values.startsOn = startsOn ?? ""; values.endsOn = endsOn ?? ""
            values.status = status ?? ""; values.summary = summary ?? ""; values.version = version ?? ""
            values.placeIDs = placeIDs ?? []; values.userIDs = userIDs ?? []; values.people = people ?? ""
            return values
        }
    }

    func formPage(_ req: Request, _ values: VisitFormPage.Values, existing: FieldVisitRecord?, errors: [FieldIssue],
                  conflict: FieldVisitRecord?) async throws -> String {
        let model = VisitFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            places: try await req.placeChoices(), users: try await req.userChoices()
        )
        return VisitFormPage.view(model, chrome: chrome(req))
    }
}

