import Domain
import Features
import Foundation
import Vapor

/// Stakeholder assessments (per person and organisation, on the site and in the API) and the grid.
struct StakeholdersController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .stakeholders, access: read, use: grid)
        routes.on(.GET, .record(.person, id, .assessments), access: read) { try await history($0, person: true) }
        routes.on(.POST, .record(.person, id, .assessments), access: write) { try await add($0, person: true) }
        routes.on(.GET, .record(.organization, id, .assessments), access: read) { try await history($0, person: false) }
        routes.on(.POST, .record(.organization, id, .assessments), access: write) { try await add($0, person: false) }
        routes.on(.POST, .record(.assessment, id, .remove), access: write, use: remove)
        routes.on(.GET, .record(.person, id, .network), access: read) { try await network($0, person: true) }
        routes.on(.GET, .record(.organization, id, .network), access: read) { try await network($0, person: false) }
        routes.on(.GET, .api(.stakeholders), access: read, use: apiGrid)
        routes.on(.GET, .api(.record(.person, id, .assessments)), access: read) { try await apiHistory($0, person: true) }
        routes.on(.POST, .api(.record(.person, id, .assessments)), access: write) { try await apiAdd($0, person: true) }
        routes.on(.GET, .api(.record(.organization, id, .assessments)), access: read) { try await apiHistory($0, person: false) }
        routes.on(.POST, .api(.record(.organization, id, .assessments)), access: write) { try await apiAdd($0, person: false) }
    }

    func assessments(_ req: Request) -> Assessments { Assessments(database: req.db) }

    @Sendable func grid(_ req: Request) async throws -> Response {
        let entries = try await assessments(req).grid(by: req.actor)
        return Pages.response(StakeholderGridPage.view(.init(entries: entries), chrome: Pages.chrome(for: req, current: .dashboard)), request: req)
    }

    func page(_ req: Request, person: Bool, values: AssessmentInput = .init(), issues: [FieldIssue] = []) async throws -> String {
        let id = try req.idParameter()
        let subject = try await assessments(req).subjectRef(person: person ? id : nil, organization: person ? nil : id, by: req.actor)
        let history = try await assessments(req).history(person: person ? id : nil, organization: person ? nil : id, by: req.actor)
        let model = AssessmentsPage.Model(subject: subject.ref, history: history, canWrite: req.canWrite && !subject.deleted, values: values,
                                                  errors: .init(issues, text: req.localizer))
        return AssessmentsPage.view(model, chrome: Pages.chrome(for: req, current: person ? .list(.person) : .list(.organization)))
    }

    @Sendable func history(_ req: Request, person: Bool) async throws -> Response {
        Pages.response(try await page(req, person: person), request: req)
    }

    struct Form: Content { var assessedOn: String?, influence: String?, interest: String?, stance: String?, notes: String? }

    @Sendable func add(_ req: Request, person: Bool) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(Form.self)
        let input = AssessmentInput(assessedOn: form.assessedOn, influence: form.influence, interest: form.interest, stance: form.stance, notes: form.notes)
        switch try await SaveOutcome.of({ try await assessments(req).add(input, person: person ? id : nil, organization: person ? nil : id, by: req.actor) }) {
        case .saved, .conflict:
            return Pages.redirect(to: person ? .record(.person, id, .assessments) : .record(.organization, id, .assessments), flash: Flash("record.saved"))
        case .invalid(let issues):
            return Pages.response(try await page(req, person: person, values: input, issues: issues), status: .unprocessableEntity, request: req)
        }
    }

    @Sendable func remove(_ req: Request) async throws -> Response {
        let subject = try await assessments(req).remove(try req.idParameter(), by: req.actor)
        return Pages.redirect(to: subject.isPerson ? .record(.person, subject.id, .assessments) : .record(.organization, subject.id, .assessments), flash: Flash("assessments.removed"))
    }

    /// One or two steps out (two unless asked otherwise).
    @Sendable func network(_ req: Request, person: Bool) async throws -> Response {
        let id = try req.idParameter()
        let steps = req.queryText("steps") == "1" ? 1 : 2
        let network = try await RelationshipNetwork.around(person: person ? id : nil, organization: person ? nil : id, steps: steps, database: req.db, by: req.actor)
        return Pages.response(NetworkPage.view(.init(network: network, centre: id, centreIsPerson: person, steps: steps), chrome: Pages.chrome(for: req, current: person ? .list(.person) : .list(.organization))),
                              request: req)
    }

    @Sendable func apiGrid(_ req: Request) async throws -> Response {
        try APIJSON.response(try await assessments(req).grid(by: req.actor))
    }

    @Sendable func apiHistory(_ req: Request, person: Bool) async throws -> Response {
        let id = try req.idParameter()
        return try APIJSON.response(try await assessments(req).history(person: person ? id : nil, organization: person ? nil : id, by: req.actor))
    }

    struct Body: Decodable { var assessedOn: String?, influence: Int?, interest: Int?, stance: String?, notes: String? }

    @Sendable func apiAdd(_ req: Request, person: Bool) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let input = AssessmentInput(assessedOn: body.assessedOn, influence: body.influence.map(String.init), interest: body.interest.map(String.init),
                                    stance: body.stance, notes: body.notes)
        let saved = try await assessments(req).add(input, person: person ? id : nil, organization: person ? nil : id, by: req.actor)
        return try APIJSON.response(saved, status: .created)
    }
}
