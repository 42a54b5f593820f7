/// How long a browser stays signed in.
public struct SessionPolicy: Sendable, Equatable {
    /// A session unused for this long ends.
    public var idleTimeout: Double
    /// No session lasts longer than this, however busy.
    public var absoluteLifetime: Double
    /// Last-seen times are written at most this often, so that reading pages does not write to the
    /// database on every request. Idle expiry is therefore precise to this interval.
    public var touchInterval: Double

    public init(idleTimeout: Double, absoluteLifetime: Double, touchInterval: Double) {
        self.idleTimeout = idleTimeout
        self.absoluteLifetime = absoluteLifetime
        self.touchInterval = touchInterval
    }

    public static let standard = SessionPolicy(idleTimeout: 8 * 3600, absoluteLifetime: 14 * 86400, touchInterval: 60)

    public func isExpired(createdAt: Double, lastSeenAt: Double, now: Double) -> Bool {
        now - lastSeenAt > idleTimeout || now - createdAt > absoluteLifetime
    }

    public func needsTouch(lastSeenAt: Double, now: Double) -> Bool {
        now - lastSeenAt >= touchInterval
    }
}
