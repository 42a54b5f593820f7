import Domain
import Features
import Foundation
import Vapor

/// The offline capture's server side: the list a device keeps of what waits to be sent (a page its script
/// fills), where the device sends a kept engagement, and the author's review list.
struct CapturesController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        routes.on(.GET, .list(.capture), access: write, use: waiting)
        routes.on(.POST, .list(.capture), access: write, use: send)
        routes.on(.GET, .list(.captureReview), access: write, use: review)
        routes.on(.POST, .record(.captureReview, RouteParameter.id, .delete), access: write, use: dismiss)
    }

    @Sendable func waiting(_ req: Request) async throws -> Response {
        let count = try await CaptureReviews(database: req.db).count(by: req.actor)
        OfflinePages.allow(req)
        return Pages.response(CapturesWaitingPage.view(reviewCount: count, chrome: Pages.chrome(for: req, current: .list(.capture))),
                              request: req)
    }

    /// What the device's script reads back from a send.
    struct Answer: Content {
        /// `saved` (also for a capture the server already had), `review` (kept for its author; the device may
        /// let go of it), `deleted` (sent before, and what it made was deleted since: not made again; the
        /// device lets go of it), or `invalid` (the device keeps it for its author to correct).
        var status: String
        var location: String?
        var message: String?
        var issues: [String]?
    }

    /// A log form kept on a device, sent when the connection returned. Names typed there that are not found,
    /// or could be several people, do not stop it: the engagement is saved without them and they go to the
    /// author's review list — never dropped, and no one is added to the registry on their own.
    @Sendable func send(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EngagementForm.self)
        guard let capture = try CaptureRequest.form(req) else {
            throw DomainError.invalid(field: CaptureRequest.field, "field.required")
        }
        let text = req.localizer
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: text, existing: nil)
        let names = typed.filter { Self.nameKeys.contains($0.messageKey) }
        let other = typed.filter { !Self.nameKeys.contains($0.messageKey) } + (typed.isEmpty ? [] : input.problems)
        guard other.isEmpty else { return try invalid(other, text: text) }
        let engagements = Engagements(database: req.db, language: text.tag)
        do {
            let sentBefore = try await CaptureReviews.hasCapture(capture, by: req.actor, on: req.db)
            let record = try await engagements.create(input, by: req.actor, capture: capture)
            if !names.isEmpty && !sentBefore {
                try await CaptureReviews(database: req.db).keepNames(capture, engagement: RecordRef(id: record.id, name: record.label),
                                                                     names: names.map(text.message), by: req.actor)
            }
            return try APIJSON.response(Answer(status: "saved", location: SiteURL.record(.engagement, record.id).path,
                                               message: text("captures.sentAs", record.label)), status: .created)
        } catch DomainError.conflict(let issue) where issue.field == CaptureRequest.field {
            let status = issue.messageKey == Capture.deletedSince ? "deleted" : "review"
            return try APIJSON.response(Answer(status: status, message: text.message(issue)), status: .conflict)
        } catch DomainError.invalid(let issues) {
            return try invalid(issues, text: text)
        }
    }

    /// The look-up's answers that a device cannot settle on its own.
    static let nameKeys: Set<String> = ["engagement.participantUnknown", "engagement.participantAmbiguous",
                                        "engagement.organizationUnknown", "engagement.organizationAmbiguous"]

    func invalid(_ issues: [FieldIssue], text: Localizer) throws -> Response {
        try APIJSON.response(Answer(status: "invalid", message: text("captures.needsCorrection"), issues: issues.map(text.message)),
                             status: .unprocessableEntity)
    }

    @Sendable func review(_ req: Request) async throws -> Response {
        let entries = try await CaptureReviews(database: req.db).open(by: req.actor)
        return Pages.response(CaptureReviewPage.view(entries, chrome: Pages.chrome(for: req, current: .list(.captureReview))), request: req)
    }

    @Sendable func dismiss(_ req: Request) async throws -> Response {
        try await CaptureReviews(database: req.db).dismiss(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .list(.captureReview), flash: Flash("captureReview.dismissed"))
    }
}
