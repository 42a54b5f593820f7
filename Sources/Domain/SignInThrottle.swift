/// When repeated failed sign-ins lock an account or an address out.
///
/// After `threshold` failures within `window`, further tries are refused for `lockout`, counted from the
/// failure that reached the threshold. Refused tries are not failures, so waiting always helps.
public struct SignInThrottle: Sendable, Equatable {
    public var threshold: Int
    public var window: Double
    public var lockout: Double

    public init(threshold: Int, window: Double, lockout: Double) {
        self.threshold = threshold
        self.window = window
        self.lockout = lockout
    }

    public static let perAccount = SignInThrottle(threshold: 5, window: 15 * 60, lockout: 15 * 60)
    public static let perAddress = SignInThrottle(threshold: 20, window: 15 * 60, lockout: 15 * 60)

    /// How far back failures matter at all.
    public var lookBack: Double { window + lockout }

    /// The time until which tries are refused, or nil when they are allowed.
    /// - Parameters:
    ///   - failures: times (seconds since any fixed epoch) of recent failed tries, in any order.
    ///   - now: the current time on the same scale.
    public func lockedUntil(failures: [Double], now: Double) -> Double? {
        let sorted = failures.filter { $0 <= now && $0 > now - lookBack }.sorted()
        guard threshold > 0, sorted.count >= threshold else { return nil }
        var latestLockEnd: Double?
        for end in (threshold - 1)..<sorted.count {
            let start = sorted[end - (threshold - 1)]
            if sorted[end] - start < window {
                latestLockEnd = sorted[end] + lockout
            }
        }
        guard let until = latestLockEnd, until > now else { return nil }
        return until
    }
}
