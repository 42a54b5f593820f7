import Domain
import Features
import Foundation
import Storage
import Vapor

/// Engagement pages: the timeline, the quick log form, one engagement, edit, delete, restore, history,
/// and adding follow-ups.
struct EngagementsController: ListedRecordPages {
    static let resource = Resource.engagement
    typealias Kind = Engagements

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
        query.chronological = req.queryText("sort") == EngagementsIndexPage.oldestFirst
        query.page = req.queryPage()
        let page = try await kind(req).list(query, by: req.actor)
        var model = EngagementsIndexPage.Model(sort: query.chronological ? EngagementsIndexPage.oldestFirst : "",
            page: page, context: try await contextBeside(page, query, req), kind: query.kind ?? "", kinds: try await EngagementKinds(database: req.db).all(),
            topic: query.topic ?? "", from: req.queryText("from"), to: req.queryText("to"),
            placeID: req.queryText("place"), places: try await req.placeChoices(), canWrite: req.canWrite, errors: .init(issues, text: req.localizer)
        )
        model.saved = try await req.savedFilters(of: .engagement)
        return Pages.response(EngagementsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.engagement))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    /// The context events of the days a timeline page covers (in its place, when filtered by one): from its
    /// oldest engagement (or the period's start) to its newest (or the period's end; open on the first page).
    func contextBeside(_ page: ListPage<EngagementSummary>, _ query: Engagements.Query, _ req: Request) async throws -> [ContextEventSummary] {
        guard query.visitID == nil, query.personID == nil, query.organizationID == nil, !(page.items.isEmpty && query.page > 1) else { return [] }
        let days = page.items.compactMap { Day(String($0.start.prefix(10))) }
        // The first page is open towards the list's start (today, or the earliest), a page with more after it
        // ends at its last engagement.
        let (start, end) = (query.page > 1, page.hasMore)
        let from = query.from ?? ((query.chronological ? start : end) ? days.min() : nil)
        let to = query.to ?? ((query.chronological ? end : start) ? days.max() : nil)
        return try await ContextEvents(database: req.db, language: req.localizer.tag)
            .during(from: from, to: to, placeIDs: query.placeID.map { [$0] }, limit: 50, by: req.actor)
    }

    /// The quick log form: in the server's time zone, a follow-up owed by whoever logs it, in the visit it was opened from.
    func newForm(_ req: Request) async throws -> Response {
        OfflinePages.allow(req)
        return try await newForm(req) { values in
            values.visitID = req.queryText("visit")
            values.timeZone = req.roundtable.configuration.timeZone
            values.followUpOwner = req.currentUser?.user.id.uuidString.lowercased() ?? ""
            values.capture = UUID().uuidString.lowercased()
        }
    }

    func showPage(_ req: Request, id: UUID) async throws -> String { try await Self.pageHTML(req, id: id) }

    func values(of record: EngagementRecord, _ req: Request) -> EngagementFormPage.Values { EngagementFormPage.Values(record, text: req.localizer) }

    /// Names that were not found show together with every other mistake.
    func input(_ form: EngagementForm, existing: EngagementRecord?, _ req: Request) async throws -> (EngagementInput, [FieldIssue]) {
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: existing)
        return (input, typed.isEmpty ? [] : typed + input.problems)
    }

    /// The engagement's page; with an attempt, one of its forms comes back with what was typed and each mistake
    /// beside its field (422), the way every other form on the site does.
    static func page(_ req: Request, id: UUID, attempt: EngagementPage.Attempt? = nil) async throws -> Response {
        Pages.response(try await pageHTML(req, id: id, attempt: attempt), status: attempt == nil ? .ok : .unprocessableEntity, request: req)
    }

    static func pageHTML(_ req: Request, id: UUID, attempt: EngagementPage.Attempt? = nil) async throws -> String {
        let agreements = Agreements(database: req.db, language: req.localizer.tag)
        let groups = WorkingGroups(database: req.db, language: req.localizer.tag)
        let recommendations = Recommendations(database: req.db, language: req.localizer.tag)
        // What the page links to and offers is read while the engagement is: each read keeps to what the
        // reader may see, and none of it is shown unless the engagement may be (`get` throws otherwise).
        let canWrite = req.canWrite
        async let engagement = Engagements(database: req.db, language: req.localizer.tag).get(id, by: req.actor)
        async let users = req.userChoices()
        async let linkedAgreements = agreements.linked(toEngagement: id, by: req.actor)
        async let agreementChoices = canWrite ? agreements.choices(by: req.actor) : []
        async let meetingOf = groups.meetingOf(id, by: req.actor)
        async let groupChoices = canWrite ? groups.choices(by: req.actor) : []
        async let restingOn = recommendations.restingOn(engagement: id, by: req.actor)
        async let recommendationChoices = canWrite ? recommendations.choices(by: req.actor) : []
        let record = try await engagement
        var model = EngagementPage.Model(record: record, today: req.today, canWrite: canWrite, canRestore: req.canRestore,
                                         users: try await users, attempt: attempt,
                                         agreements: try await linkedAgreements.map { .init(agreement: $0.agreement, link: $0.link) },
                                         agreementChoices: try await agreementChoices,
                                         groups: try await meetingOf,
                                         groupChoices: try await groupChoices,
                                         recommendations: try await restingOn,
                                         recommendationChoices: try await recommendationChoices,
                                         communityNames: record.headCounts.contains { !$0.byCommunity.isEmpty }
                                            ? Dictionary(try await req.communityChoices().map { ($0.id.uuidString.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
                                            : [:])
        model.captureKey = UUID().uuidString.lowercased()
        // Kept for offline (notes added with no signal) only when nothing on it is restricted.
        let people = record.participants.map(\.person.id) + record.quotes.compactMap(\.speaker?.id)
            + record.photos.flatMap { $0.peopleShown.map(\.id) }
        if req.canWrite, record.summary.confidentiality != .restricted, !record.summary.isDeleted,
           !(try await OfflinePages.showsRestricted(engagements: [], people: people, to: req)) {
            OfflinePages.allow(req)
        }
        return EngagementPage.view(model, chrome: Pages.chrome(for: req, current: .list(.engagement)))
    }

    func formPage(_ req: Request, _ values: EngagementFormPage.Values, existing: EngagementRecord?, errors: [FieldIssue],
                  conflict: EngagementRecord?) async throws -> String {
        let model = EngagementFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            places: try await req.placeChoices(), visits: try await FieldVisits(database: req.db).choices(by: req.actor),
            users: try await req.userChoices(), kinds: try await EngagementKinds(database: req.db).all(), canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false,
            communities: try await req.communityChoices()
        )
        return EngagementFormPage.view(model, chrome: chrome(req))
    }
}

extension Request {
    /// Colleagues who can own follow-ups or travel on a visit: active users, by name.
    func userChoices() async throws -> [RecordRef] {
        try await ListUsers(database: db).colleagues(by: actor)
    }
}
