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

/// People counted rather than named: "community representatives: 25", "leaders: 20+" (at least).
/// The optional breakdowns (by gender, by community) may not add up to more than the count.
public struct HeadCount: Sendable, Equatable, Codable {
    public var category: String
    public var count: Int
    /// The count is a lower bound ("more than 20" is recorded as 20, at least).
    public var atLeast: Bool
    public var byGender: [String: Int]
    /// Community identity (as text) → count.
    public var byCommunity: [String: Int]

    public init(category: String, count: Int, atLeast: Bool = false, byGender: [String: Int] = [:], byCommunity: [String: Int] = [:]) {
        self.category = category
        self.count = count
        self.atLeast = atLeast
        self.byGender = byGender
        self.byCommunity = byCommunity
    }

    public static let maximumCount = 1_000_000

    private enum CodingKeys: String, CodingKey { case category, count, atLeast, byGender, byCommunity }

    /// `atLeast` and the breakdowns may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = try container.decode(String.self, forKey: .category)
        count = try container.decode(Int.self, forKey: .count)
        atLeast = try container.decodeIfPresent(Bool.self, forKey: .atLeast) ?? false
        byGender = try container.decodeIfPresent([String: Int].self, forKey: .byGender) ?? [:]
        byCommunity = try container.decodeIfPresent([String: Int].self, forKey: .byCommunity) ?? [:]
    }

    /// Problems with this row, as catalogue keys: empty when it is sound.
    public var problems: [String] {
        var found: [String] = []
        if category.trimmingWhitespace().isEmpty { found.append("headCount.categoryRequired") }
        if category.count > 200 { found.append("headCount.categoryTooLong") }
        if byGender.count > 20 || byCommunity.count > 20 { found.append("headCount.breakdownTooMany") }
        if count < 0 || count > Self.maximumCount { found.append("headCount.countRange") }
        if byGender.values.contains(where: { $0 < 0 }) || byCommunity.values.contains(where: { $0 < 0 }) {
            found.append("headCount.breakdownNegative")
        }
        if byGender.values.reduce(0, +) > count || byCommunity.values.reduce(0, +) > count {
            found.append("headCount.breakdownTooLarge")
        }
        return found
    }

    /// "25", or "20+" for an at-least count.
    public var displayCount: String { atLeast ? "\(count)+" : "\(count)" }
}
