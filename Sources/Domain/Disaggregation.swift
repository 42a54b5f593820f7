/// The fixed vocabularies a head-count is broken down by — the standard disaggregation of humanitarian and
/// peace-building reporting. Raw values are stored in `head_counts` and are the keys of the API's `byGender`
/// and `byAge`; labels come from the catalogue (`headCountGender.woman`, `ageBand.under_18`, …).
/// "Not recorded" is a key of its own so that an explicit count survives a round trip, but it need not be
/// given: whatever part of a count the known keys leave over is reported as not recorded.

/// The genders a head-count is broken down by: the registry's `Gender` and "not recorded".
public enum HeadCountGender: String, CaseIterable, Codable, Sendable {
    case woman, man, other
    case notRecorded = "not_recorded"

    /// A named person counts under the gender their record gives, else under "not recorded".
    public init(_ gender: Gender?) {
        switch gender {
        case .woman?: self = .woman
        case .man?: self = .man
        case .other?: self = .other
        case nil: self = .notRecorded
        }
    }
}

/// Age bands: under 18, 18–24, 25–59, 60 and over, not recorded.
public enum AgeBand: String, CaseIterable, Codable, Sendable {
    case under18 = "under_18"
    case from18To24 = "18_24"
    case from25To59 = "25_59"
    case from60 = "60_over"
    case notRecorded = "not_recorded"
}

/// Counts by a breakdown's key, "" or `not_recorded` for those not recorded, with the sums the reports
/// show: each key's count in a fixed order, named and counted people apart.
public enum Breakdown {
    /// Adds `part` into `total`, and what the part leaves of `count` to `rest` (never below zero).
    public static func add(_ part: [String: Int], of count: Int, into total: inout [String: Int], rest: String) {
        var sum = 0
        for (key, n) in part where n > 0 {
            total[key, default: 0] += n
            sum += n
        }
        if count > sum { total[rest, default: 0] += count - sum }
    }
}
