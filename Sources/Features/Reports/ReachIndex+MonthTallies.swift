import Foundation
import Synchronization

/// A month's count, kept for the next report: the engagements by kind and place, and each person's and
/// organisation's marks (`ReachTally`). A year's report then adds twelve kept months and ORs their marks
/// instead of walking every engagement and participant again: at a million people a year holds 500,000
/// engagements, and the walk took 60 ms a report. Marks are OR-ed, not counts added, so a person reached in
/// two months is counted once, with every level they held a post at.
///
/// A month is kept until something it counted changes. An engagement changed, added or deleted forgets the
/// months of its old and new day. A person's change reloads the engagements they took part in, which forgets
/// those months (their restriction or posts count only there). A change to an organisation's level or life
/// forgets every month: anyone holding a post there may be counted otherwise in any of them. A person's
/// community and gender are read when the marks are turned into figures, not kept in them.
/// Only counts of everywhere are kept (a report for some places walks, as before).
final class MonthTallies: Sendable {
    struct Key: Hashable {
        /// yyyymm
        var month: Int32
        var seesRestricted: Bool
    }

    struct Tally: Sendable {
        var engagements = 0
        var byKind: [Int] = []
        var byPlace: [Int] = []
        var marks: [UInt8] = []
        var reached: [Bool] = []

        var bytes: Int { (byKind.capacity + byPlace.capacity) * 8 + marks.capacity + reached.capacity }
    }

    private struct State {
        var tallies: [Key: (tally: Tally, used: Int)] = [:]
        /// Goes up with every change forgotten; a count made from the index as it was before a month was
        /// forgotten is not kept for it.
        var epoch = 0
        var forgottenAt: [Int32: Int] = [:]
        var allForgottenAt = 0
        var uses = 0
    }

    private let state = Mutex(State())
    /// Months kept at most (both roles' two years of a report and its previous period: 48): at a million
    /// people a month's marks are a megabyte.
    let capacity: Int

    init(capacity: Int = 48) { self.capacity = capacity }

    /// A period of more months is walked: keeping them all would push out the months other reports keep.
    static let monthsAPeriod = 24

    /// Where the changes stand, read when counting takes its view of the index.
    var epoch: Int { state.withLock { $0.epoch } }

    func tally(_ key: Key) -> Tally? {
        state.withLock { state in
            guard let kept = state.tallies[key] else { return nil }
            state.uses += 1
            state.tallies[key]?.used = state.uses
            return kept.tally
        }
    }

    /// Keeps a month counted from the index as it was at `epoch`, unless the month changed since.
    func keep(_ tally: Tally, for key: Key, countedAt epoch: Int) {
        state.withLock { state in
            guard epoch >= state.allForgottenAt, epoch >= state.forgottenAt[key.month, default: 0] else { return }
            state.uses += 1
            state.tallies[key] = (tally, state.uses)
            while state.tallies.count > capacity, let oldest = state.tallies.min(by: { $0.value.used < $1.value.used })?.key {
                state.tallies[oldest] = nil
            }
        }
    }

    /// Forgets the months of these days (yyyymmdd).
    func forget(days: some Sequence<Int32>) {
        state.withLock { state in
            state.epoch += 1
            for month in Set(days.lazy.map { $0 / 100 }) {
                state.forgottenAt[month] = state.epoch
                state.tallies[Key(month: month, seesRestricted: false)] = nil
                state.tallies[Key(month: month, seesRestricted: true)] = nil
            }
        }
    }

    func forgetAll() {
        state.withLock { state in
            state.epoch += 1
            state.allForgottenAt = state.epoch
            state.forgottenAt = [:]
            state.tallies = [:]
        }
    }

    var bytes: Int { state.withLock { $0.tallies.values.reduce(0) { $0 + $1.tally.bytes } } }
}

extension ReachIndex {
    /// An organisation's level and whether it is live, in one number; nil for one the index does not know yet.
    func countedAs(organization id: UUID) -> Int32? {
        organizationNumbers[id].map { organizationLevel[Int($0)] * 2 + (organizationLive[Int($0)] ? 1 : 0) }
    }

    /// Forgets every kept month when an organisation the index knew is now counted otherwise: anyone holding a
    /// post there, in any month, may be counted at another level.
    func forgetMonths(ifAnyOf before: [Int32?], became after: [Int32?]) {
        if zip(before, after).contains(where: { $0 != nil && $0 != $1 }) { tallies.forgetAll() }
    }
}

extension ReachIndex {
    /// The months (yyyymm) the days from `low` through `high` (yyyymmdd) touch.
    static func months(from low: Int32, through high: Int32) -> [Int32] {
        var months: [Int32] = []
        var month = low / 100
        while month <= high / 100 {
            months.append(month)
            month = month % 100 == 12 ? (month / 100 + 1) * 100 + 1 : month + 1
        }
        return months
    }

    static func lastDay(of month: Int32) -> Int32 {
        let year = month / 100
        switch month % 100 {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension ReachTally {
    /// Adds kept months (yyyymm): their sums, and their marks OR-ed into these (a person reached in two months
    /// is one person). A month kept from a newer view of the index may know more people or kinds than this one
    /// does; those are left out.
    mutating func add(_ months: [(tally: MonthTallies.Tally, month: Int32)]) {
        for (month, yyyymm) in months {
            engagements += month.engagements
            byMonth[Int(yyyymm / 100 - firstYear) * 12 + Int(yyyymm % 100) - 1] += month.engagements
            for (kind, n) in month.byKind.prefix(byKind.count).enumerated() { byKind[kind] += n }
            for (place, n) in month.byPlace.prefix(byPlace.count).enumerated() { byPlace[place] += n }
        }
        Self.or(months.map(\.tally.marks), into: &marks)
        Self.or(months.map(\.tally.reached), into: &reached)
    }

    /// `into[i] |= source[i]` for every source, over the length each has in common with `into`: a block of
    /// `into` at a time (it stays in the processor's cache while every month is OR-ed into it), eight bytes at a
    /// time. A million people's marks are a megabyte a month. For `UInt8` marks and `Bool`s (one byte each, 0 or
    /// 1, so their OR is one too).
    static func or<Element: BitwiseCopyable>(_ sources: [[Element]], into: inout [Element]) {
        precondition(MemoryLayout<Element>.size == 1)
        let block = 16_384
        into.withUnsafeMutableBytes { into in
            for start in stride(from: 0, to: into.count, by: block) {
                for source in sources {
                    source.withUnsafeBytes { from in
                        let end = min(start + block, into.count, from.count)
                        guard start < end else { return }
                        var offset = start
                        while offset &+ 8 <= end {
                            let both = into.loadUnaligned(fromByteOffset: offset, as: UInt64.self) | from.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                            into.storeBytes(of: both, toByteOffset: offset, as: UInt64.self)
                            offset &+= 8
                        }
                        while offset < end {
                            into[offset] |= from[offset]
                            offset &+= 1
                        }
                    }
                }
            }
        }
    }
}
