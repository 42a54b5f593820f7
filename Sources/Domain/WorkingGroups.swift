/// The vocabularies of working groups: who takes part and what they owe. Raw values are stored and appear
/// in the API; labels come from the catalogue (`memberPart.chair`, `deliverableStatus.done`, …).

public enum MemberPart: String, CaseIterable, Codable, Sendable {
    case chair, member, adviser, secretariat
}

public enum DeliverableKind: String, CaseIterable, Codable, Sendable {
    case recommendation, report, plan, event, other
}

public enum DeliverableStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case inProgress = "in_progress"
    case done, dropped
}

/// A deliverable is late when it is neither done nor dropped after its due day.
public enum DeliverableRule {
    public static func isLate(status: DeliverableStatus, due: Day?, today: Day) -> Bool {
        guard status == .planned || status == .inProgress, let due else { return false }
        return due < today
    }
}
