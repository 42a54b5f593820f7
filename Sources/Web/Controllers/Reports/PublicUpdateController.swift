import Domain
import Features
import Foundation
import Vapor

/// The public update of a visit: drafted and checked on the site and in the API; exported (Markdown,
/// one HTML file) only by those who may publish, and only when the publication check is clean.
struct PublicUpdateController {
    func register(_ routes: any RoutesBuilder) {
        let id = RouteParameter.id
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords), publish = Access.permission(.publish)
        routes.on(.GET, .record(.visit, id, .publicUpdate), access: read, use: page)
        routes.on(.POST, .record(.visit, id, .publicUpdate), access: write, use: save)
        routes.on(.GET, .record(.visit, id, .publicUpdateMarkdown), access: publish, use: markdown)
        routes.on(.GET, .record(.visit, id, .publicUpdateHTML), access: publish, use: html)
        routes.on(.GET, .api(.record(.visit, id, .publicUpdate)), access: read, use: apiGet)
        routes.on(.PUT, .api(.record(.visit, id, .publicUpdate)), access: write, use: apiSave)
        routes.on(.GET, .api(.record(.visit, id, .publicUpdateMarkdown)), access: publish, use: apiMarkdown)
    }

    /// The update in the words of `text` (the reader's unless an export chose another; place names follow).
    func draft(_ req: Request, text: Localizer? = nil) async throws -> PublicUpdate {
        let text = text ?? req.localizer
        let smallNumbers = try await SiteSettings(database: req.db).smallNumbers()
        let update = try await PublicUpdate.draft(visit: req.idParameter(), database: req.db, language: text.tag,
                                                  anonymous: text("publicUpdate.anonymous"), smallNumbers: smallNumbers, by: req.actor)
        guard !update.visit.summary.isDeleted else { throw WebError.notFound }
        return update
    }

    func model(_ req: Request, _ update: PublicUpdate) -> PublicUpdatePage.Model {
        PublicUpdatePage.Model(update: update, canWrite: req.canWrite, canPublish: req.currentUser?.user.role.can(.publish) ?? false)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        let update = try await draft(req)
        return Pages.response(PublicUpdatePage.view(model(req, update), chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    struct Form: Content {
        var headline: String?, lead: String?, closing: String?, version: String?
        /// `person[<id>]` = name | anonymise | leave_out, `label[<id>]` = the description.
        var person: [String: String]?
        var label: [String: String]?
        /// Ticked boxes `quoteOut[<id>]` and `photoOut[<id>]`.
        var quoteOut: [String: String]?
        var photoOut: [String: String]?
    }

    @Sendable func save(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(Form.self)
        var people: [UUID: PublicationCheck.Decision] = [:]
        for (key, raw) in form.person ?? [:] {
            guard let person = UUID(uuidString: key) else { continue }
            let treatment = PublicationCheck.Treatment(rawValue: raw) ?? .name
            people[person] = PublicationCheck.Decision(treatment, label: form.label?[key])
        }
        let decisions = PublicationCheck.Decisions(people: people,
                                                   quotesLeftOut: Set((form.quoteOut ?? [:]).keys.compactMap(UUID.init(uuidString:))),
                                                   photosLeftOut: Set((form.photoOut ?? [:]).keys.compactMap(UUID.init(uuidString:))))
        let typed = PublicUpdateText(headline: form.headline, lead: form.lead, closing: form.closing, decisions: decisions)
        let updates = PublicUpdates(database: req.db)
        switch try await SaveOutcome.of({ try await updates.save(typed, visit: id, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.visit, id, .publicUpdate), flash: Flash("record.saved"))
        case .conflict:
            var page = model(req, try await draft(req))
            page.conflict = true
            return Pages.response(PublicUpdatePage.view(page, chrome: Pages.chrome(for: req, current: .list(.visit))), status: .conflict, request: req)
        case .invalid(let issues):
            var update = try await draft(req)
            let version = update.text.version
            update.text = typed
            update.text.version = version
            var page = model(req, update)
            page.errors = .init(issues, text: req.localizer)
            return Pages.response(PublicUpdatePage.view(page, chrome: Pages.chrome(for: req, current: .list(.visit))), status: .unprocessableEntity, request: req)
        }
    }

    /// While the check is not clean the export answers 409 with the check, so the reason is never a mystery.
    @Sendable func markdown(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let update = try await draft(req, text: text)
        guard update.check.isClean else { return blocked(req, update) }
        return download(PublicUpdateMarkdown.render(update, text: text), type: "text/markdown; charset=utf-8", name: "public-update.md")
    }

    @Sendable func html(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let update = try await draft(req, text: text)
        guard update.check.isClean else { return blocked(req, update) }
        let photos = Photos(database: req.db, store: req.roundtable.photos)
        var sources: [UUID: String] = [:]
        for photo in update.photos {
            guard let file = try? await photos.file(photo.id, small: true, by: req.actor) else { continue }
            sources[photo.id] = "data:\(file.mediaType);base64," + file.data.base64EncodedString()
        }
        let document = PublicUpdatePage.standalone(update, stylesheet: req.roundtable.stylesheet, text: text) { sources[$0.id] }
        return download(document, type: "text/html; charset=utf-8", name: "public-update.html")
    }

    func blocked(_ req: Request, _ update: PublicUpdate) -> Response {
        Pages.response(PublicUpdatePage.view(model(req, update), chrome: Pages.chrome(for: req, current: .list(.visit))), status: .conflict, request: req)
    }

    func download(_ body: String, type: String, name: String) -> Response {
        Response(status: .ok, headers: ["Content-Type": type, "Content-Disposition": "attachment; filename=\"\(name)\"", "Cache-Control": "private, no-store"],
                 body: .init(string: body))
    }

    // MARK: API

    struct APIBody: Codable {
        struct Person: Codable { var treatment: PublicationCheck.Treatment; var label: String? }
        struct Mention: Codable { var person: UUID; var name: String; var treatment: PublicationCheck.Treatment; var label: String?; var uses: [String: ConsentAnswer] }
        struct Problem: Codable { var person: UUID?; var use: PublicationCheck.Use; var reason: PublicationCheck.Reason; var answer: ConsentAnswer?; var place: String; var item: UUID?; var message: String }
        struct Check: Codable { var clean: Bool; var mentions: [Mention]; var problems: [Problem]; var restrictedLeftOut: Int; var quotesWithheld: Int }
        var headline: String?
        var lead: String?
        var closing: String?
        /// By person id: how they appear. A person not listed is named.
        var people: [String: Person]?
        var quotesLeftOut: [UUID]?
        var photosLeftOut: [UUID]?
        var version: Int?
        var check: Check?
    }

    func body(_ update: PublicUpdate, text: Localizer) -> APIBody {
        let decisions = update.text.decisions
        let check = APIBody.Check(
            clean: update.check.isClean,
            mentions: update.check.mentions.map { mention in
                .init(person: mention.person, name: mention.name, treatment: mention.decision.treatment, label: mention.decision.label,
                      uses: Dictionary(uniqueKeysWithValues: mention.uses.map { ($0.key.rawValue, $0.value) }))
            },
            problems: update.check.problems.map { problem in
                .init(person: problem.person, use: problem.use, reason: problem.reason, answer: problem.answer, place: problem.place, item: problem.item,
                      message: PublicUpdatePage.sentence(problem, update: update, text: text))
            },
            restrictedLeftOut: update.check.restrictedLeftOut, quotesWithheld: update.check.quotesWithheld)
        return APIBody(headline: update.text.headline, lead: update.text.lead, closing: update.text.closing,
                       people: Dictionary(uniqueKeysWithValues: decisions.people.map { ($0.key.uuidString.lowercased(), APIBody.Person(treatment: $0.value.treatment, label: $0.value.label)) }),
                       quotesLeftOut: decisions.quotesLeftOut.sorted { $0.uuidString < $1.uuidString },
                       photosLeftOut: decisions.photosLeftOut.sorted { $0.uuidString < $1.uuidString }, version: update.text.version, check: check)
    }

    @Sendable func apiGet(_ req: Request) async throws -> Response {
        let update = try await draft(req)
        return try APIJSON.response(body(update, text: req.localizer), headers: ["ETag": IfMatch.tag(update.text.version)])
    }

    /// The author's part at once (a field left out is emptied), with the version it started from; answers
    /// with the update's check as it now stands.
    @Sendable func apiSave(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let input = try await APIJSON.decode(APIBody.self, from: req)
        var people: [UUID: PublicationCheck.Decision] = [:]
        var issues: [FieldIssue] = []
        for (key, person) in input.people ?? [:] {
            guard let personID = UUID(uuidString: key) else {
                issues.append(FieldIssue(field: "people.\(key)", "reference.unknown"))
                continue
            }
            people[personID] = .init(person.treatment, label: person.label)
        }
        guard issues.isEmpty else { throw DomainError.invalid(issues) }
        let current = try await PublicUpdates(database: req.db).get(visit: id, by: req.actor)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: input.version, current: current.version)
        let typed = PublicUpdateText(headline: input.headline, lead: input.lead, closing: input.closing,
                                     decisions: .init(people: people, quotesLeftOut: Set(input.quotesLeftOut ?? []), photosLeftOut: Set(input.photosLeftOut ?? [])))
        _ = try await IfMatch.preconditioned(req) {
            try await PublicUpdates(database: req.db).save(typed, visit: id, expectedVersion: expected, by: req.actor)
        }
        let update = try await draft(req)
        return try APIJSON.response(body(update, text: req.localizer), headers: ["ETag": IfMatch.tag(update.text.version)])
    }

    @Sendable func apiMarkdown(_ req: Request) async throws -> Response {
        let text = try req.reportLocalizer()
        let update = try await draft(req, text: text)
        guard update.check.isClean else {
            throw WebError.blocked("publicUpdate.notClean")
        }
        return download(PublicUpdateMarkdown.render(update, text: text), type: "text/markdown; charset=utf-8", name: "public-update.md")
    }
}
