import Foundation

/// The vocabularies of field visits and engagements. Raw values are stored and appear in the API; labels
/// come from the catalogue (`engagementKind.meeting`, `part.host`, …).

public enum EngagementKind: String, CaseIterable, Codable, Sendable {
    case meeting
    case openForum = "open_forum"
    case consortiumAssembly = "consortium_assembly"
    case workshop, call
    case siteVisit = "site_visit"
    case conference
}

public enum VisitStatus: String, CaseIterable, Codable, Sendable {
    case planned
    case underWay = "under_way"
    case done
}

/// The part a named person played in an engagement.
public enum ParticipantPart: String, CaseIterable, Codable, Sendable {
    case host, speaker, participant, delegation, observer
}

/// The part an organisation played in an engagement: it hosted it, or took part as a partner.
public enum EngagementOrganizationRole: String, CaseIterable, Codable, Sendable {
    case host, partner
}

/// Who may read an engagement. Restricted engagements follow the registry's restricted-record rule:
/// invisible to roles that may not read restricted records, on every path.
public enum Confidentiality: String, CaseIterable, Codable, Sendable {
    case `public`, `internal`, restricted
}

public enum FollowUpStatus: String, CaseIterable, Codable, Sendable {
    case open, done, dropped
}

extension Role {
    public func canSee(confidentiality: Confidentiality) -> Bool {
        switch confidentiality {
        case .public, .internal: can(.readRecords)
        case .restricted: can(.readRestricted)
        }
    }
}

/// A follow-up is overdue when it is still open after its due day.
public enum FollowUpRule {
    public static func isOverdue(status: FollowUpStatus, due: Day?, today: Day) -> Bool {
        guard status == .open, let due else { return false }
        return due < today
    }
}
