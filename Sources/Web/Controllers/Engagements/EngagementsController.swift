import Domain
import Features
import Foundation
import Storage
import Vapor

/// Engagement pages: the timeline, the quick log form, one engagement, edit, delete, restore, history,
/// and adding follow-ups.
struct EngagementsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.engagement), access: read, use: index)
        routes.on(.GET, .new(.engagement), access: write, use: new)
        routes.on(.POST, .list(.engagement), access: write, use: create)
        routes.on(.GET, .record(.engagement, id), access: read, use: show)
        routes.on(.GET, .record(.engagement, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.engagement, id), access: write, use: update)
        routes.on(.GET, .record(.engagement, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.engagement, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.engagement, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.engagement, id, .history), access: read, use: history)
        routes.on(.POST, .record(.engagement, id, .followUps), access: write, use: addFollowUp)
        routes.on(.POST, .record(.engagement, id, .quotes), access: write, use: addQuote)
        routes.on(.POST, .record(.quote, id, .delete), access: write, use: deleteQuote)
    }

    func engagements(_ req: Request) -> Engagements { Engagements(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = Engagements.Query()
        var issues: [FieldIssue] = []
        query.kind = req.queryText("kind").isEmpty ? nil : req.queryText("kind")
        query.topic = req.queryText("topic")
        query.placeID = UUID(uuidString: req.queryText("place"))
        for field in ["from", "to"] where !req.queryText(field).isEmpty {
            guard let day = Day(req.queryText(field)) else { issues.append(FieldIssue(field: field, "date.invalid")); continue }
            if field == "from" { query.from = day } else { query.to = day }
        }
        query.page = req.queryPage()
        let page = try await engagements(req).list(query, by: req.actor)
        let model = EngagementsIndexPage.Model(
            page: page, context: try await contextBeside(page, query, req), kind: query.kind ?? "", kinds: try await EngagementKinds(database: req.db).all(),
            topic: query.topic ?? "", from: req.queryText("from"), to: req.queryText("to"),
            placeID: req.queryText("place"), places: try await req.placeChoices(), canWrite: req.canWrite, errors: .init(issues, text: req.localizer)
        )
        return Pages.response(EngagementsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.engagement))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    /// The context events of the days a timeline page covers (in its place, when filtered by one): from its
    /// oldest engagement (or the period's start) to its newest (or the period's end; open on the first page).
    func contextBeside(_ page: ListPage<EngagementSummary>, _ query: Engagements.Query, _ req: Request) async throws -> [ContextEventSummary] {
        guard query.visitID == nil, query.personID == nil, query.organizationID == nil, !(page.items.isEmpty && query.page > 1) else { return [] }
        let days = page.items.compactMap { Day(String($0.start.prefix(10))) }
        let from = query.from ?? (page.hasMore ? days.min() : nil)
        let to = query.to ?? (query.page > 1 ? days.max() : nil)
        return try await ContextEvents(database: req.db, language: req.localizer.language)
            .during(from: from, to: to, placeIDs: query.placeID.map { [$0] }, limit: 50, by: req.actor)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        var values = EngagementFormPage.Values()
        values.visitID = req.queryText("visit")
        values.timeZone = req.roundtable.configuration.timeZone
        values.followUpOwner = req.currentUser?.user.id.uuidString.lowercased() ?? ""
        return try await form(req, values, existing: nil)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EngagementForm.self)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: nil)
        // Names that were not found show together with every other mistake.
        if !typed.isEmpty { return try await self.form(req, form.values, existing: nil, errors: typed + input.problems) }
        do {
            let record = try await engagements(req).create(input, by: req.actor)
            return Pages.redirect(to: .record(.engagement, record.id), flash: Flash("record.created", record.summary.title))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        try await Self.page(req, id: req.idParameter())
    }

    /// The engagement's page; with an attempt, one of its forms comes back with what was typed and each mistake
    /// beside its field (422), the way every other form on the site does.
    static func page(_ req: Request, id: UUID, attempt: EngagementPage.Attempt? = nil) async throws -> Response {
        let record = try await Engagements(database: req.db, language: req.localizer.language).get(id, by: req.actor)
        let agreements = Agreements(database: req.db, language: req.localizer.language)
        let groups = WorkingGroups(database: req.db, language: req.localizer.language)
        let recommendations = Recommendations(database: req.db, language: req.localizer.language)
        let model = EngagementPage.Model(record: record, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore,
                                         users: try await req.userChoices(), attempt: attempt,
                                         agreements: try await agreements.linked(toEngagement: id, by: req.actor).map { .init(agreement: $0.agreement, link: $0.link) },
                                         agreementChoices: req.canWrite ? try await agreements.choices(by: req.actor) : [],
                                         groups: try await groups.meetingOf(id, by: req.actor),
                                         groupChoices: req.canWrite ? try await groups.choices(by: req.actor) : [],
                                         recommendations: try await recommendations.restingOn(engagement: id, by: req.actor),
                                         recommendationChoices: req.canWrite ? try await recommendations.choices(by: req.actor) : [])
        return Pages.response(EngagementPage.view(model, chrome: Pages.chrome(for: req, current: .list(.engagement))),
                              status: attempt == nil ? .ok : .unprocessableEntity, request: req)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let record = try await engagements(req).get(req.idParameter(), by: req.actor)
        guard !record.summary.isDeleted else { throw WebError.notFound }
        return try await form(req, EngagementFormPage.Values(record, text: req.localizer), existing: record)
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(EngagementForm.self)
        let existing = try await engagements(req).get(id, by: req.actor)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: existing)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: existing, errors: typed + input.problems) }
        switch try await FormSave.run({ _ = try await engagements(req).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.engagement, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let record = try await engagements(req).get(req.idParameter(), by: req.actor)
        guard !record.summary.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: record.summary.title, action: .record(.engagement, record.id, .delete), cancel: .record(.engagement, record.id),
                                                          version: record.version, chrome: Pages.chrome(for: req, current: .list(.engagement))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let record = try await engagements(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await engagements(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.engagement), flash: Flash("record.deleted.done", record.summary.title))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let record = try await engagements(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.engagement, record.id), flash: Flash("record.restored", record.summary.title))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let record = try await engagements(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: record.id)
        return Pages.response(RegistryViews.history(name: record.summary.title, back: .record(.engagement, record.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.engagement))), request: req)
    }

    struct FollowUpForm: Content {
        var text: String?, ownerID: String?, dueOn: String?
        var values: [String: String] { ["text": text ?? "", "ownerID": ownerID ?? "", "dueOn": dueOn ?? ""] }
    }

    @Sendable func addFollowUp(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(FollowUpForm.self)
        do {
            try await FollowUps(database: req.db).add(FollowUpInput(text: form.text ?? "", ownerID: FormValues.uuid(form.ownerID), dueOn: form.dueOn),
                                                      to: id, by: req.actor)
            return Pages.redirect(to: .record(.engagement, id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            let attempt = EngagementPage.Attempt(form: .followUp, values: form.values, errors: .init(try RegistryErrors.issues(error), text: req.localizer))
            return try await Self.page(req, id: id, attempt: attempt)
        }
    }

    struct QuoteForm: Content {
        var text: String?, speaker: String?, speakerLabel: String?, language: String?, withheld: String?
        var values: [String: String] {
            ["text": text ?? "", "speaker": speaker ?? "", "speakerLabel": speakerLabel ?? "", "language": language ?? "", "withheld": withheld ?? ""]
        }
    }

    /// A quote, with its speaker found by the name typed (or described, for someone not to be named).
    @Sendable func addQuote(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(QuoteForm.self)
        var issues: [FieldIssue] = []
        var speakerID: UUID?
        if let name = form.speaker?.trimmingWhitespace(), !name.isEmpty {
            switch try await NameLookup(database: req.db).resolvePerson(name, field: "speaker", by: req.actor) {
            case .found(let ref): speakerID = ref.id
            case .problem(let issue): issues.append(issue)
            }
        }
        if issues.isEmpty {
            do {
                _ = try await Quotes(database: req.db).add(QuoteInput(speakerID: speakerID, speakerLabel: form.speakerLabel, text: form.text ?? "",
                                                                      language: form.language ?? "", withheld: form.withheld == "1"), to: id, by: req.actor)
                return Pages.redirect(to: .record(.engagement, id), flash: Flash("record.saved"))
            } catch let error as DomainError {
                // The form has the speaker's name where the domain has their identity.
                issues = try RegistryErrors.issues(error).map { issue in
                    var issue = issue
                    if issue.field == "speakerID" { issue.field = "speaker" }
                    return issue
                }
            }
        }
        return try await Self.page(req, id: id, attempt: .init(form: .quote, values: form.values, errors: .init(issues, text: req.localizer)))
    }

    @Sendable func deleteQuote(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let quote = try await QuoteModel.find(id, on: req.db) else { throw WebError.notFound }
        try await Quotes(database: req.db).remove(id, by: req.actor)
        return Pages.redirect(to: .record(.engagement, quote.engagementID), flash: Flash("record.saved"))
    }

    private func form(_ req: Request, _ values: EngagementFormPage.Values, existing: EngagementRecord?, errors: [FieldIssue] = [],
                      conflict: EngagementRecord? = nil) async throws -> Response {
        let model = EngagementFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            places: try await req.placeChoices(), visits: try await FieldVisits(database: req.db).choices(by: req.actor),
            users: try await req.userChoices(), kinds: try await EngagementKinds(database: req.db).all(), canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false
        )
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(EngagementFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.engagement))), status: status, request: req)
    }
}

extension Request {
    /// Colleagues who can own follow-ups or travel on a visit: active users, by name.
    func userChoices() async throws -> [RecordRef] {
        try await ListUsers(database: db).colleagues(by: actor)
    }
}
