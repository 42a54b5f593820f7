/// People counted rather than named: "community representatives: 25", "leaders: 20+" (at least), with
/// optional breakdowns by gender (`HeadCountGender`), age band (`AgeBand`) and community (a community's
/// identity as text → count). The rules are in `HeadCount+Rules`.
public struct HeadCount: Sendable, Equatable, Codable {
    public var category: String
    public var count: Int
    /// The count is a lower bound ("more than 20" is recorded as 20, at least).
    public var atLeast: Bool
    /// `HeadCountGender` raw value → count.
    public var byGender: [String: Int]
    /// `AgeBand` raw value → count.
    public var byAge: [String: Int]
    /// Community identity (as text) → count.
    public var byCommunity: [String: Int]

    public init(category: String, count: Int, atLeast: Bool = false, byGender: [String: Int] = [:], byAge: [String: Int] = [:],
                byCommunity: [String: Int] = [:]) {
        self.category = category
        self.count = count
        self.atLeast = atLeast
        self.byGender = byGender
        self.byAge = byAge
        self.byCommunity = byCommunity
    }

    public static let maximumCount = 1_000_000

    private enum CodingKeys: String, CodingKey { case category, count, atLeast, byGender, byAge, byCommunity }

    /// `atLeast` and the breakdowns may be left out. Keys are read as given, so that an unknown one is
    /// refused at its field by the rules rather than failing the whole body.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = try container.decode(String.self, forKey: .category)
        count = try container.decode(Int.self, forKey: .count)
        atLeast = try container.decodeIfPresent(Bool.self, forKey: .atLeast) ?? false
        byGender = try container.decodeIfPresent([String: Int].self, forKey: .byGender) ?? [:]
        byAge = try container.decodeIfPresent([String: Int].self, forKey: .byAge) ?? [:]
        byCommunity = try container.decodeIfPresent([String: Int].self, forKey: .byCommunity) ?? [:]
    }

    /// "25", or "20+" for an at-least count.
    public var displayCount: String { atLeast ? "\(count)+" : "\(count)" }

    /// Whether any breakdown is given.
    public var isBrokenDown: Bool { !byGender.isEmpty || !byAge.isEmpty || !byCommunity.isEmpty }
}
