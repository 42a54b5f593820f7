import Domain
import Features
import Foundation
import Vapor

/// Working group pages: list, one group, add, edit, delete, restore, history, deliverables; and marking
/// an engagement as one of a group's meetings from the engagement's page.
struct WorkingGroupsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.workingGroup), access: read, use: index)
        routes.on(.GET, .new(.workingGroup), access: write, use: new)
        routes.on(.POST, .list(.workingGroup), access: write, use: create)
        routes.on(.GET, .record(.workingGroup, id), access: read, use: show)
        routes.on(.GET, .record(.workingGroup, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.workingGroup, id), access: write, use: update)
        routes.on(.GET, .record(.workingGroup, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.workingGroup, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.workingGroup, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.workingGroup, id, .history), access: read, use: history)
        routes.on(.POST, .record(.workingGroup, id, .deliverables), access: write, use: addDeliverable)
        routes.on(.POST, .record(.deliverable, id, .status), access: write, use: setDeliverableStatus)
        routes.on(.POST, .record(.engagement, id, .workingGroups), access: write, use: addMeeting)
    }

    func groups(_ req: Request) -> WorkingGroups { WorkingGroups(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        let page = try await groups(req).list(page: req.queryPage(), by: req.actor)
        return Pages.response(WorkingGroupPages.index(page, canWrite: req.canWrite, chrome: Pages.chrome(for: req, current: .list(.workingGroup))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await page(req, id: req.idParameter())
    }

    func page(_ req: Request, id: UUID, deliverableErrors: [FieldIssue] = [], values: [String: String] = [:]) async throws -> Response {
        let group = try await groups(req).get(id, by: req.actor)
        var query = Recommendations.Query()
        query.workingGroupID = id
        query.perPage = 200
        let model = WorkingGroupPages.Model(group: group, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore,
                                            deliverableErrors: .init(deliverableErrors, text: req.localizer), deliverableValues: values,
                                            recommendations: try await Recommendations(database: req.db).list(query, by: req.actor).items)
        return Pages.response(WorkingGroupPages.page(model, chrome: Pages.chrome(for: req, current: .list(.workingGroup))),
                              status: deliverableErrors.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        var values = WorkingGroupPages.Values()
        values.agreementID = req.queryText("agreement")
        return try await form(req, values, existing: nil)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let group = try await groups(req).get(req.idParameter(), by: req.actor)
        guard !group.summary.isDeleted else { throw WebError.notFound }
        return try await form(req, WorkingGroupPages.Values(group), existing: group)
    }

    struct GroupForm: Content {
        var name: String?, purpose: String?, agreementID: String?, confidentiality: String?, members: String?, version: String?

        var values: WorkingGroupPages.Values {
            var values = WorkingGroupPages.Values()
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

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(GroupForm.self)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: nil)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: nil, errors: typed) }
        do {
            let group = try await groups(req).create(input, by: req.actor)
            return Pages.redirect(to: .record(.workingGroup, group.id), flash: Flash("record.created", group.summary.name))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(GroupForm.self)
        let existing = try await groups(req).get(id, by: req.actor)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: existing)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: existing, errors: typed) }
        switch try await FormSave.run({ _ = try await groups(req).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.workingGroup, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let group = try await groups(req).get(req.idParameter(), by: req.actor)
        guard !group.summary.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: group.summary.name, action: .record(.workingGroup, group.id, .delete), cancel: .record(.workingGroup, group.id),
                                                          version: group.version, chrome: Pages.chrome(for: req, current: .list(.workingGroup))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let group = try await groups(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await groups(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.workingGroup), flash: Flash("record.deleted.done", group.summary.name))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let group = try await groups(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.workingGroup, group.id), flash: Flash("record.restored", group.summary.name))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let group = try await groups(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: group.id)
        return Pages.response(RegistryViews.history(name: group.summary.name, back: .record(.workingGroup, group.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.workingGroup))), request: req)
    }

    struct DeliverableForm: Content { var title: String?, kind: String?, dueOn: String? }

    @Sendable func addDeliverable(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(DeliverableForm.self)
        do {
            _ = try await groups(req).addDeliverable(DeliverableInput(title: form.title ?? "", kind: form.kind ?? "", dueOn: form.dueOn), to: id, by: req.actor)
            return Pages.redirect(to: .record(.workingGroup, id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            return try await page(req, id: id, deliverableErrors: RegistryErrors.issues(error),
                                  values: ["title": form.title ?? "", "kind": form.kind ?? "", "dueOn": form.dueOn ?? ""])
        }
    }

    struct StatusForm: Content { var status: String?, version: String? }

    @Sendable func setDeliverableStatus(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(StatusForm.self)
        guard let status = DeliverableStatus(rawValue: form.status ?? "") else { throw WebError.notFound }
        guard let model = try await groups(req).deliverableGroup(id) else { throw WebError.notFound }
        switch try await FormSave.run({ _ = try await groups(req).setDeliverableStatus(id, status, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
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
        try await groups(req).addMeeting(engagementID, to: groupID, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    private func form(_ req: Request, _ values: WorkingGroupPages.Values, existing: WorkingGroupRecord?, errors: [FieldIssue] = [],
                      conflict: WorkingGroupRecord? = nil) async throws -> Response {
        let model = WorkingGroupPages.FormModel(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                agreements: try await Agreements(database: req.db).choices(by: req.actor),
                                                canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(WorkingGroupPages.form(model, chrome: Pages.chrome(for: req, current: .list(.workingGroup))), status: status, request: req)
    }
}
