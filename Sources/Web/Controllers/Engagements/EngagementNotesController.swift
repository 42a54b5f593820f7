import Domain
import Features
import Foundation
import Storage
import Vapor

/// What is added to an engagement from its page: follow-ups and quotes (each with its own small form,
/// which comes back with its mistakes beside the fields).
struct EngagementNotesController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords), id = RouteParameter.id
        routes.on(.POST, .record(.engagement, id, .followUps), access: write, use: addFollowUp)
        routes.on(.POST, .record(.engagement, id, .quotes), access: write, use: addQuote)
        routes.on(.POST, .record(.quote, id, .delete), access: write, use: deleteQuote)
    }

    struct FollowUpForm: Content {
        var text: String?, ownerID: String?, dueOn: String?, capture: String?
        var values: [String: String] { ["text": text ?? "", "ownerID": ownerID ?? "", "dueOn": dueOn ?? "", "capture": capture ?? ""] }
    }

    @Sendable func addFollowUp(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(FollowUpForm.self)
        do {
            try await FollowUps(database: req.db).add(FollowUpInput(text: form.text ?? "", ownerID: FormValues.uuid(form.ownerID), dueOn: form.dueOn),
                                                      to: id, by: req.actor, capture: try CaptureRequest.form(req))
            return Pages.redirect(to: .record(.engagement, id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            let attempt = EngagementPage.Attempt(form: .followUp, values: form.values, errors: .init(try RegistryErrors.issues(error), text: req.localizer))
            return try await EngagementsController.page(req, id: id, attempt: attempt)
        }
    }

    struct QuoteForm: Content {
        var text: String?, speaker: String?, speakerLabel: String?, language: String?, withheld: String?, capture: String?
        var values: [String: String] {
            ["text": text ?? "", "speaker": speaker ?? "", "speakerLabel": speakerLabel ?? "", "language": language ?? "",
             "withheld": withheld ?? "", "capture": capture ?? ""]
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
                                                                      language: form.language ?? "", withheld: form.withheld == "1"), to: id, by: req.actor,
                                                                capture: try CaptureRequest.form(req))
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
        return try await EngagementsController.page(req, id: id, attempt: .init(form: .quote, values: form.values, errors: .init(issues, text: req.localizer)))
    }

    @Sendable func deleteQuote(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard let quote = try await QuoteModel.find(id, on: req.db) else { throw WebError.notFound }
        try await Quotes(database: req.db).remove(id, by: req.actor)
        return Pages.redirect(to: .record(.engagement, quote.engagementID), flash: Flash("record.saved"))
    }
}
