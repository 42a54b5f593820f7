import Domain
import Foundation

/// What a form or an API client sends to log or change an engagement.
public struct EngagementInput: Sendable, Equatable {
    public var kind: String
    public var title: String
    /// `YYYY-MM-DDTHH:MM` as read on the clock where it happened.
    public var start: String
    /// IANA time-zone name of that place.
    public var timeZone: String
    public var durationMinutes: Int?
    public var placeID: UUID?
    public var venue: String?
    public var visitID: UUID?
    public var hostIDs: [UUID] = []
    public var partnerIDs: [UUID] = []
    public var participants: [ParticipantInput] = []
    public var headCounts: [HeadCount] = []
    public var topics: [String] = []
    public var summary: String?
    public var outcomes: String?
    public var decisions: String?
    public var aggregateOnly = false
    public var confidentiality: String = Confidentiality.internal.rawValue
    /// Follow-ups written with the engagement when it is first logged; later ones have their own use case.
    public var followUps: [FollowUpInput] = []

    public init(kind: String, title: String, start: String, timeZone: String) {
        self.kind = kind
        self.title = title
        self.start = start
        self.timeZone = timeZone
    }

    struct Valid {
        var kind: String
        var title: String
        var start: LocalStart
        var zone: TimeZone
        var venue: String?
        var topics: [String]
        var summary: String?
        var outcomes: String?
        var decisions: String?
        var confidentiality: Confidentiality
        var followUps: [FollowUpInput.Valid]
    }

    /// The mistakes a form can show before anything is looked up (empty when there are none).
    public var problems: [FieldIssue] {
        do {
            _ = try validated()
            return []
        } catch let DomainError.invalid(issues) {
            return issues
        } catch {
            return []
        }
    }

    /// The checks that need no database; references are checked by the use case.
    func validated() throws -> Valid {
        var v = Validator()
        let kind = kind.trimmingWhitespace()
        if kind.isEmpty { v.add("kind", "field.required") } else { v.check(EngagementKinds.isKey(kind), "kind", "field.notAChoice") }
        let title = v.text(title, "title", required: true, max: 200)
        let start = LocalStart(start)
        v.check(start != nil, "start", "engagement.start")
        let zone = LocalStart.zone(named: timeZone)
        v.check(zone != nil, "timeZone", "engagement.timeZone")
        if let minutes = durationMinutes { v.check((1...10_080).contains(minutes), "durationMinutes", "engagement.duration") }
        let venue = v.text(venue, "venue", max: 200)
        let topics = v.list(topics, "topics", maxItems: 20, maxLength: 60)
        let summary = v.text(summary, "summary", max: 20_000)
        let outcomes = v.text(outcomes, "outcomes", max: 20_000)
        let decisions = v.text(decisions, "decisions", max: 20_000)
        let confidentiality = v.choice(confidentiality, Confidentiality.self, "confidentiality")
        v.check(hostIDs.count + partnerIDs.count <= 50, "hostIDs", "field.tooMany", "50")
        v.check(participants.count <= 500, "participants", "field.tooMany", "500")
        if aggregateOnly { v.check(participants.isEmpty, "participants", "engagement.aggregateOnlyNamesNobody") }
        v.check(Set(participants.map(\.personID)).count == participants.count, "participants", "engagement.participantTwice")
        for participant in participants {
            v.check(ParticipantPart(rawValue: participant.part) != nil, "participants", "field.notAChoice")
            v.check((participant.title ?? "").count <= 200, "participants", "field.tooLong", "200")
        }
        v.check(headCounts.count <= 50, "headCounts", "field.tooMany", "50")
        for (line, count) in headCounts.enumerated() { for issue in count.issues(line: line) { v.add(issue) } }
        v.check(followUps.count <= 50, "followUps", "field.tooMany", "50")
        let followUps = followUps.compactMap { $0.validated(into: &v, field: "followUps") }
        try v.throwIfInvalid()
        return Valid(kind: kind, title: title!, start: start!, zone: zone!, venue: venue, topics: topics, summary: summary,
                     outcomes: outcomes, decisions: decisions, confidentiality: confidentiality!, followUps: followUps)
    }
}
