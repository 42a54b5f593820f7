/// A head-count's breakdowns as the audit trail keeps them: gender and age as catalogue keys
/// (`headCountGender.woman 9`), so that the history reads in each reader's language, and communities by
/// identity, which the history names through the reader's role like every other identity.
public enum HeadCountHistory {
    /// "NGOs (headCountGender.woman 9, headCountGender.man 7 / ageBand.18_24 5 / 7f3c…-… 5)".
    public static func value(_ count: HeadCount) -> String {
        func part(_ counts: [String: Int], prefix: String?, order: [String]) -> String? {
            guard !counts.isEmpty else { return nil }
            let keys = counts.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
            return keys.map { key in (prefix.map { "\($0).\(key)" } ?? key) + " \(counts[key]!)" }.joined(separator: ", ")
        }
        let parts = [part(count.byGender, prefix: "headCountGender", order: HeadCountGender.allCases.map(\.rawValue)),
                     part(count.byAge, prefix: "ageBand", order: AgeBand.allCases.map(\.rawValue)),
                     part(count.byCommunity, prefix: nil, order: [])].compactMap { $0 }
        return "\(count.category.trimmingWhitespace()) (\(parts.joined(separator: " / ")))"
    }

    /// The stored value with its catalogue keys in the reader's words.
    public static func words(_ value: String, text: Localizer) -> String {
        var result = value
        for gender in HeadCountGender.allCases { result = result.replacingOccurrences(of: "headCountGender.\(gender.rawValue)", with: text("headCountGender.\(gender.rawValue)")) }
        for band in AgeBand.allCases { result = result.replacingOccurrences(of: "ageBand.\(band.rawValue)", with: text("ageBand.\(band.rawValue)")) }
        return result
    }
}
