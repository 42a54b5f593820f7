/// What happens around the work — tensions, protests, elections and boycotts, policy changes — recorded
/// beside the engagements so a timeline or a report shows the field as it was. Raw values are stored and
/// appear in the API; labels come from the catalogue (`contextKind.boycott`, `severity.high`, …).

public enum ContextEventKind: String, CaseIterable, Codable, Sendable {
    case tension, protest, clash, election, boycott
    case policyChange = "policy_change"
    case securityIncident = "security_incident"
    case other
}

/// How much an event weighs on the work in its places, from "worth knowing" to "work stops".
public enum Severity: String, CaseIterable, Codable, Sendable {
    case low, moderate, high, critical
}

/// An event's days: a single day, or a range. Its end is never before its start.
public struct EventPeriod: Sendable, Equatable, Codable {
    public let startsOn: Day
    public let endsOn: Day

    public init?(startsOn: Day, endsOn: Day?) {
        let end = endsOn ?? startsOn
        guard startsOn <= end else { return nil }
        self.startsOn = startsOn
        self.endsOn = end
    }

    /// Whether any of its days fall in `from…to` (either end open).
    public func overlaps(from: Day?, to: Day?) -> Bool {
        (to.map { startsOn <= $0 } ?? true) && (from.map { endsOn >= $0 } ?? true)
    }

    public var isSingleDay: Bool { startsOn == endsOn }
}
