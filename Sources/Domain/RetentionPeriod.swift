import Foundation

/// How long the record keeps people with no engagement and no continuing reason to be kept (the GDPR's
/// storage limitation, the ICRC handbook's retention): an administrator's setting, off unless chosen.
///
/// The periods are whole months from a short list, the ones a data-protection policy names ("two years",
/// "five years"): a list at the field cannot be mistyped, and "37 months" is never anyone's policy.
public struct RetentionPeriod: Sendable, Equatable, Codable {
    public let months: Int

    /// The periods an administrator may choose.
    public static let choices = [6, 12, 18, 24, 36, 48, 60, 84, 120]

    /// Nil unless `months` is one of `choices`.
    public init?(months: Int) {
        guard Self.choices.contains(months) else { return nil }
        self.months = months
    }

    /// The moment the period reaches back to from `now`: people not engaged, changed or kept since then are
    /// past it. Calendar months in UTC, as the record keeps time (31 March back one month is 28 or 29 February).
    public func cutoff(before now: Date) -> Date {
        Self.utc.date(byAdding: .month, value: -months, to: now)!
    }

    /// Until when a decision to keep someone, made at `decided`, holds: one more period from its day.
    public func keptUntil(_ decided: Date) -> Date {
        Self.utc.date(byAdding: .month, value: months, to: decided)!
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
