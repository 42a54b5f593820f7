import Domain
import Testing

@Suite("Failed sign-ins lock an account for 15 minutes after 5 within 15 minutes")
struct SignInThrottleTests {
    let throttle = SignInThrottle.perAccount
    let minute = 60.0

    @Test func fourFailuresDoNotLock() {
        #expect(throttle.lockedUntil(failures: [0, 60, 120, 180], now: 200) == nil)
    }

    @Test func theFifthFailureLocksForFifteenMinutesFromIt() {
        let failures = [0, 1, 2, 3, 4].map { $0 * minute }
        #expect(throttle.lockedUntil(failures: failures, now: 5 * minute) == 4 * minute + 15 * minute)
        #expect(throttle.lockedUntil(failures: failures, now: 18 * minute) == 19 * minute)
        #expect(throttle.lockedUntil(failures: failures, now: 19 * minute) == nil)
    }

    @Test func failuresSpreadOverMoreThanTheWindowDoNotLock() {
        let failures = [0, 4, 8, 12, 16].map { $0 * minute }
        #expect(throttle.lockedUntil(failures: failures, now: 16.5 * minute) == nil)
    }

    @Test func twentyFailuresFromOneAddressLockIt() {
        let failures = (0..<20).map { Double($0) * 10 }
        #expect(SignInThrottle.perAddress.lockedUntil(failures: Array(failures.prefix(19)), now: 200) == nil)
        #expect(SignInThrottle.perAddress.lockedUntil(failures: failures, now: 200) == 190 + 15 * minute)
    }

    @Test func failuresInTheFutureOrLongAgoAreIgnored() {
        #expect(throttle.lockedUntil(failures: [-10_000, -9_000, -8_000, -7_000, -6_000], now: 0) == nil)
    }
}
