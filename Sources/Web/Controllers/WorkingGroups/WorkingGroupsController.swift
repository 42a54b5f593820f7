import Domain
import Features
import Foundation
import Vapor

/// Working group pages: list, one group, add, edit, delete, restore, history, deliverables; and marking
/// an engagement as one of a group's meetings from the engagement's page.
struct WorkingGroupsController: RecordPages {
    static let resource = Resource.workingGroup
    typealias Kind = WorkingGroups

    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords), id = RouteParameter.id
        routes.on(.POST, .record(.workingGroup, id, .deliverables), access: write, use: addDeliverable)
        routes.on(.POST, .record(.deliverable, id, .status), access: write, use: setDeliverableStatus)
        routes.on(.POST, .record(.engagement, id, .workingGroups), access: write, use: addMeeting)
        RecordActions(self).register(routes, index: index)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let page = try await kind(req).list(page: req.queryPage(), by: req.actor)
        return Pages.response(WorkingGroupsIndexPage.view(.init(page: page, canWrite: req.canWrite), chrome: Pages.chrome(for: req, current: .list(.workingGroup))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String { try await page(req, id: id) }

    func page(_ req: Request, id: UUID, deliverableErrors: [FieldIssue] = [], values: [String: String] = [:]) async throws -> String {
        let group = try await kind(req).get(id, by: req.actor)
        var query = Recommendations.Query()
        query.workingGroupID = id
        query.perPage = 200
        let model = WorkingGroupPage.Model(group: group, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore,
                                            deliverableErrors: .init(deliverableErrors, text: req.localizer), deliverableValues: values,
                                            recommendations: try await Recommendations(database: req.db).list(query, by: req.actor).items)
        return WorkingGroupPage.view(model, chrome: chrome(req))
    }

    /// Started from an agreement's page, the form names the agreement.
    func newForm(_ req: Request) async throws -> Response {
        try await newForm(req) { $0.agreementID = req.queryText("agreement") }
    }

    func input(_ form: GroupForm, existing: WorkingGroupRecord?, _ req: Request) async throws -> (WorkingGroupInput, [FieldIssue]) {
        try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: existing)
    }

    struct GroupForm: Content, PostedForm {
        var name: String?, purpose: String?, agreementID: String?, confidentiality: String?, members: String?, version: String?

        var values: WorkingGroupFormPage.Values {
            var values = WorkingGroupFormPage.Values()
            values.name = name ?? ""; values.purpose = purpose ?? ""; values.agreementID = agreementID ?? ""
            values.confidentiality = confidentiality ?? ""; values.members = members ?? ""; values.version = version ?? ""
            return values
        }

        /// The input, with members found by the names typed ("name, part, from, until" a line); problems at "members".
        func input(lookup: NameLookup, actor: Actor, text: Localizer, existing: WorkingGroupRecord?) async throws -> (WorkingGroupInput, [FieldIssue]) {
            var input = WorkingGroupInput(name: name ?? "")
            input.purpose = purpose
            input.agreementID = FormValues.uuid(agreementID)
            input.confidentiality = confidentiality ?? ""
            var issues: [FieldIssue] = []
            let known = Set((existing?.members ?? []).map(\.person.id))
            for line in FormValues.list(members) {
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
                guard fields.count <= 4, !fields[0].isEmpty else { issues.append(FieldIssue(field: "members", "workingGroup.memberLine", line)); continue }
                let typedPart = fields.count > 1 ? fields[1].lowercased() : ""
                let part = typedPart.isEmpty ? MemberPart.member
                    : MemberPart.allCases.first { $0.rawValue == typedPart || text("memberPart.\($0.rawValue)").lowercased() == typedPart }
                guard let part else { issues.append(FieldIssue(field: "members", "workingGroup.memberLine", line)); continue }
                switch try await lookup.resolvePerson(fields[0], field: "members", by: actor, preferring: known) {
                case .found(let ref):
                    input.members.append(MemberInput(personID: ref.id, part: part.rawValue, startsOn: fields.count > 2 ? fields[2] : nil,
                                                     endsOn: fields.count > 3 ? fields[3] : nil))
                case .problem(let issue): issues.append(issue)
                }
            }
            return (input, issues)
        }
    }

    struct DeliverableForm: Content { var title: String?, kind: String?, dueOn: String? }

    @Sendable func addDeliverable(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(DeliverableForm.self)
        do {
            _ = try await kind(req).addDeliverable(DeliverableInput(title: form.title ?? "", kind: form.kind ?? "", dueOn: form.dueOn), to: id, by: req.actor)
            return Pages.redirect(to: .record(.workingGroup, id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            let html = try await page(req, id: id, deliverableErrors: RegistryErrors.issues(error),
                                      values: ["title": form.title ?? "", "kind": form.kind ?? "", "dueOn": form.dueOn ?? ""])
            return Pages.response(html, status: .unprocessableEntity, request: req)
        }
    }

    struct StatusForm: Content { var status: String?, version: String? }

    @Sendable func setDeliverableStatus(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(StatusForm.self)
        guard let status = DeliverableStatus(rawValue: form.status ?? "") else { throw WebError.notFound }
        guard let model = try await kind(req).deliverableGroup(id) else { throw WebError.notFound }
        switch try await SaveOutcome.of({ try await kind(req).setDeliverableStatus(id, status, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved, .invalid: return Pages.redirect(to: .record(.workingGroup, model), flash: Flash("record.saved"))
        case .conflict: return Pages.redirect(to: .record(.workingGroup, model), flash: Flash("groups.deliverableConflict"))
        }
    }

    struct MeetingForm: Content { var groupID: String? }

    @Sendable func addMeeting(_ req: Request) async throws -> Response {
        let engagementID = try req.idParameter()
        let form = try req.content.decode(MeetingForm.self)
        guard let groupID = FormValues.uuid(form.groupID) else {
            let attempt = EngagementPage.Attempt(form: .workingGroup, values: [:], errors: .init([FieldIssue(field: "groupID", "field.required")], text: req.localizer))
            return try await EngagementsController.page(req, id: engagementID, attempt: attempt)
        }
        try await kind(req).addMeeting(engagementID, to: groupID, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    func formPage(_ req: Request, _ values: WorkingGroupFormPage.Values, existing: WorkingGroupRecord?, errors: [FieldIssue],
                  conflict: WorkingGroupRecord?) async throws -> String {
        let model = WorkingGroupFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                agreements: try await Agreements(database: req.db).choices(by: req.actor),
                                                canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        return WorkingGroupFormPage.view(model, chrome: chrome(req))
    }
}
