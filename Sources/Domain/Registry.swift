/// The vocabularies of the registry. Raw values are stored and appear in the API; labels come from
/// the catalogue (`kind.ngo`, `level.municipal`, …).

public enum OrganizationKind: String, CaseIterable, Codable, Sendable {
    case government, ministry, municipality
    case internationalOrganization = "international_organization"
    case ngo, communityGroup = "community_group", media, academia, business, faith, other
}

public enum GovernanceLevel: String, CaseIterable, Codable, Sendable {
    case international, national, ministerial, municipal, grassroots
}

public enum PlaceKind: String, CaseIterable, Codable, Sendable {
    case country, region, municipality, settlement

    /// A place sits under a place of a broader kind (a settlement under a municipality, region or country).
    public func canBeInside(_ parent: PlaceKind) -> Bool {
        PlaceKind.allCases.firstIndex(of: parent)! < PlaceKind.allCases.firstIndex(of: self)!
    }
}

public enum CommunityStatus: String, CaseIterable, Codable, Sendable {
    case majority
    case nonMajority = "non_majority"
}

public enum Gender: String, CaseIterable, Codable, Sendable {
    case woman, man, other
}

/// Why an organisation may hold a person's record at all (GDPR article 6 and its equivalents).
public enum LawfulBasis: String, CaseIterable, Codable, Sendable {
    case consent
    case legitimateInterest = "legitimate_interest"
    case publicRole = "public_role"
    case vitalInterest = "vital_interest"
    case contract
    case legalObligation = "legal_obligation"
    case unknown
}

/// The uses of a person's record that need their consent.
public enum ConsentUse: String, CaseIterable, Codable, Sendable {
    case stored, namedPublicly = "named_publicly", quoted, photographed
}

public enum ConsentAnswer: String, CaseIterable, Codable, Sendable {
    case yes, no, unknown
}
