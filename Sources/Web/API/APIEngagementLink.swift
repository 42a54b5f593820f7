import Domain
import Features
import Vapor

/// A body that links an engagement to the record at its address: a recommendation's evidence, a working
/// group's meeting, an agreement discussed or signed there.
protocol EngagementLinkBody: Decodable {
    var engagementID: UUID? { get }
}

/// A body that names the engagement and nothing else (a recommendation's evidence, a group's meeting).
struct EngagementIDBody: EngagementLinkBody, Sendable {
    var engagementID: UUID?
}

extension RecordAPI {
    /// Links the body's engagement to the record at the address — the engagement is required and must be one,
    /// else the mistake is at `engagementID` (with whatever `check` finds in the rest of the body) — and answers
    /// with the record as it now is and its version.
    func linkEngagement<Body: EngagementLinkBody>(
        _ req: Request, _ type: Body.Type, checking check: (Body) -> [FieldIssue] = { _ in [] },
        _ link: @escaping @Sendable (Kind, _ engagementID: UUID, Body, _ id: UUID) async throws -> Void
    ) async throws -> Response where Body: Sendable {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let issues = (body.engagementID == nil ? [FieldIssue(field: "engagementID", "field.required")] : []) + check(body)
        guard issues.isEmpty, let engagementID = body.engagementID else { throw DomainError.invalid(issues) }
        let kind = try kind(req)
        try await NamedReference.check("engagementID", is: Engagements.recordType) { try await link(kind, engagementID, body, id) }
        let record = try await kind.get(id, by: req.actor)
        return try APIJSON.response(output(record), headers: ["ETag": IfMatch.tag(record.version)])
    }
}
