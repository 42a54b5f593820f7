import Domain
import FluentKit
import Foundation

/// Counting a period from the index: engagements, people and organisations reached.
extension ReachIndex {
    /// The reach of one period, for a reader who may or may not see restricted records.
    struct Reach: Equatable {
        var engagements = 0
        var byKind: [String: Int] = [:]
        var byMonth: [String: Int] = [:]
        var byPlace: [UUID?: Int] = [:]
        var namedByCommunity: [UUID?: Int] = [:]
        /// `HeadCountGender` raw value → named people.
        var namedByGender: [String: Int] = [:]
        var namedPeople = 0
        var peopleByLevel: [String: Int] = [:]
        var organizationsByLevel: [String: Int] = [:]
    }

    /// What counting reads, taken from the actor once it is up to date. The columns are shared with the actor's,
    /// not copied (until the actor next changes them), so counting can run outside the actor: a report's two
    /// periods are counted at the same time, each on a core of its own, instead of one after the other.
    struct Counting: Sendable {
        let sorted: EngagementTable
        let recent: EngagementTable
        let people: PersonTable
        let organizationLevel: [Int32]
        let organizationLive: [Bool]
        let kinds: Numbering<String>
        let placeIDs: Numbering<UUID>
        let communityIDs: Numbering<UUID>
        let levels: Numbering<String>
        /// Months counted before, and where the changes stood when this view was taken.
        let tallies: MonthTallies
        let epoch: Int
    }

    /// Brings the index up to date, then hands out what counting reads.
    func counting(_ database: any Database) async throws -> Counting {
        try await refresh(database)
        return Counting(sorted: sorted, recent: recent, people: people, organizationLevel: organizationLevel,
                        organizationLive: organizationLive, kinds: kinds, placeIDs: placeIDs, communityIDs: communityIDs, levels: levels,
                        tallies: tallies, epoch: tallies.epoch)
    }

    /// Refreshes, then counts, outside the actor.
    nonisolated func reach(_ period: ReportPeriod, places: Set<UUID>?, seesRestricted: Bool, database: any Database) async throws -> Reach {
        try await counting(database).reach(period, places: places, seesRestricted: seesRestricted)
    }
}

extension ReachIndex.Counting {
    typealias Reach = ReachIndex.Reach

    /// - Parameter keepingMonths: add the period's whole months from `tallies` (counting and keeping those
    ///   missing) and walk only the days around them; tests pass false to walk it all.
    func reach(_ period: ReportPeriod, places: Set<UUID>?, seesRestricted: Bool, keepingMonths: Bool = true) -> Reach {
        let low = ReachIndex.number(period.from), high = ReachIndex.number(period.to)
        var inPlaces: [Bool]?
        if let places {
            var marks = [Bool](repeating: false, count: placeIDs.count)
            for (number, id) in placeIDs.enumerated() where places.contains(id) { marks[number] = true }
            inPlaces = marks
        }
        var tally = newTally(firstYear: period.from.year, years: period.to.year - period.from.year + 1, inPlaces: inPlaces,
                             seesRestricted: seesRestricted)
        let months = ReachIndex.months(from: low, through: high)
        if keepingMonths, places == nil, months.count <= MonthTallies.monthsAPeriod {
            var kept: [(tally: MonthTallies.Tally, month: Int32)] = []
            for month in months {
                let first = month * 100 + 1, last = month * 100 + ReachIndex.lastDay(of: month)
                if low <= first && last <= high {
                    kept.append((self.month(month, seesRestricted: seesRestricted), month))
                } else {
                    count(into: &tally, from: max(low, first), through: min(high, last))
                }
            }
            tally.add(kept)
        } else {
            count(into: &tally, from: low, through: high)
        }

        var reach = Reach()
        reach.engagements = tally.engagements
        for (kind, n) in tally.byKind.enumerated() where n > 0 { reach.byKind[kinds[kind]] = n }
        // Formatting is slow next to counting: once per month, not once per engagement.
        for (month, n) in tally.byMonth.enumerated() where n > 0 {
            reach.byMonth[String(format: "%04d-%02d", period.from.year + month / 12, month % 12 + 1)] = n
        }
        for (place, n) in tally.byPlace.enumerated() where n > 0 { reach.byPlace[place == 0 ? nil : placeIDs[place - 1]] = n }
        // Levels and posts are in the mark itself: counted from how many people bear each mark.
        let (byMark, byCommunity, byGender) = tally.markedPeople(communities: communityIDs.count)
        var byLevel = [Int](repeating: 0, count: levels.count)
        var unplaced = 0
        for (mark, n) in byMark.enumerated() where n > 0 && UInt8(mark) & ReachTally.named != 0 {
            reach.namedPeople += n
            if UInt8(mark) & ReachTally.placed == 0 { unplaced += n }
            var atLevels = UInt8(mark) >> ReachTally.firstLevelBit
            while atLevels != 0 {
                byLevel[atLevels.trailingZeroBitCount] += n
                atLevels &= atLevels - 1
            }
        }
        for (community, n) in byCommunity.enumerated() where n > 0 { reach.namedByCommunity[community == 0 ? nil : communityIDs[community - 1]] = n }
        for (gender, n) in byGender.enumerated() where n > 0 { reach.namedByGender[HeadCountGender.allCases[gender].rawValue] = n }
        for (level, n) in byLevel.enumerated() where n > 0 { reach.peopleByLevel[levels[level], default: 0] += n }
        if unplaced > 0 { reach.peopleByLevel["", default: 0] += unplaced }
        // By level number first: at a million people the organisations reached are many, and a level's name
        // hashed for each took a fifth of a report.
        var organizationsByLevel = [Int](repeating: 0, count: levels.count)
        for (number, isReached) in tally.reached.enumerated() where isReached { organizationsByLevel[Int(organizationLevel[number])] += 1 }
        for (level, n) in organizationsByLevel.enumerated() where n > 0 { reach.organizationsByLevel[levels[level], default: 0] += n }
        return reach
    }

    func newTally(firstYear: Int, years: Int, inPlaces: [Bool]?, seesRestricted: Bool) -> ReachTally {
        ReachTally(people: people, organizationLevel: organizationLevel, organizationLive: organizationLive, kinds: kinds.count,
                   places: placeIDs.count, firstYear: firstYear, years: years, inPlaces: inPlaces, seesRestricted: seesRestricted)
    }

    /// The engagements of these days, loaded and changed since.
    func count(into tally: inout ReachTally, from low: Int32, through high: Int32) {
        tally.count(sorted, slots: sorted.slots(from: low, through: high), from: low, through: high)
        tally.count(recent, slots: 0 ..< recent.count, from: low, through: high)
    }

    /// A whole month (yyyymm) as kept, or counted now and kept.
    func month(_ month: Int32, seesRestricted: Bool) -> MonthTallies.Tally {
        let key = MonthTallies.Key(month: month, seesRestricted: seesRestricted)
        if let kept = tallies.tally(key) { return kept }
        var tally = newTally(firstYear: Int(month / 100), years: 1, inPlaces: nil, seesRestricted: seesRestricted)
        count(into: &tally, from: month * 100 + 1, through: month * 100 + ReachIndex.lastDay(of: month))
        let counted = MonthTallies.Tally(engagements: tally.engagements, byKind: tally.byKind, byPlace: tally.byPlace,
                                         marks: tally.marks, reached: tally.reached)
        tallies.keep(counted, for: key, countedAt: epoch)
        return counted
    }
}

/// One count's marks and sums, all in arrays indexed by number: what each person was marked with (named,
/// held a post that day, and at which levels), which organisations were reached, engagements by kind, month
/// and place.
struct ReachTally {
    let people: ReachIndex.PersonTable
    let organizationLevel: [Int32]
    let organizationLive: [Bool]
    let firstYear: Int32
    /// By place number: whether the place is one of those asked for; nil for everywhere.
    let inPlaces: [Bool]?
    let seesRestricted: Bool

    /// A person's marks, one byte a person so that a participant is marked with one write.
    static let named: UInt8 = 1
    static let placed: UInt8 = 2
    static let firstLevelBit: UInt8 = 2
    /// Held a post at this level that day. The levels are `GovernanceLevel`'s five and none (see
    /// `ReachIndex.levelNumber`): six, in the byte's six high bits.
    static func levelMark(_ level: Int32) -> UInt8 { 1 << (firstLevelBit + UInt8(truncatingIfNeeded: level)) }

    var engagements = 0
    var byKind: [Int]
    /// Months from January of the period's first year.
    var byMonth: [Int]
    /// By place number + 1 (0: no place).
    var byPlace: [Int]
    /// By person number.
    var marks: [UInt8]
    /// By organisation number.
    var reached: [Bool]

    init(people: ReachIndex.PersonTable, organizationLevel: [Int32], organizationLive: [Bool], kinds: Int, places: Int,
         firstYear: Int, years: Int, inPlaces: [Bool]?, seesRestricted: Bool) {
        self.people = people
        self.organizationLevel = organizationLevel
        self.organizationLive = organizationLive
        self.firstYear = Int32(firstYear)
        self.inPlaces = inPlaces
        self.seesRestricted = seesRestricted
        byKind = [Int](repeating: 0, count: kinds)
        byMonth = [Int](repeating: 0, count: years * 12)
        byPlace = [Int](repeating: 0, count: places + 1)
        marks = [UInt8](repeating: 0, count: people.count)
        reached = [Bool](repeating: false, count: organizationLive.count)
    }

    /// How many people bear each mark, and the named among them by community (number + 1) and gender: one pass
    /// over every person (a million at the largest scale), reading the columns through buffer pointers.
    func markedPeople(communities: Int) -> (byMark: [Int], byCommunity: [Int], byGender: [Int]) {
        var byMark = [Int](repeating: 0, count: 256)
        var byCommunity = [Int](repeating: 0, count: communities + 1)
        var byGender = [Int](repeating: 0, count: HeadCountGender.allCases.count)
        marks.withUnsafeBufferPointer { marks in
            people.community.withUnsafeBufferPointer { community in
                people.gender.withUnsafeBufferPointer { gender in
                    for number in 0 ..< min(marks.count, community.count, gender.count) {
                        let mark = marks[number]
                        // Added as 0 or 1 rather than skipped: whether a person was reached is a coin toss to
                        // the processor, and a wrong guess cost more than the additions (15.3 → 12.5 ms a report
                        // at a million people).
                        let named = Int(mark & Self.named)
                        byMark[Int(mark)] &+= 1
                        byCommunity[Int(community[number]) &+ 1] &+= named
                        byGender[Int(gender[number])] &+= named
                    }
                }
            }
        }
        return (byMark, byCommunity, byGender)
    }

    /// Counts the table's live slots among `slots` whose day lies in the period. The people, their posts and
    /// the marks are reached through buffer pointers, so the inner loop (125,000 participants for a year)
    /// writes without checking each time that the arrays are not shared.
    mutating func count(_ table: ReachIndex.EngagementTable, slots: Range<Int>, from low: Int32, through high: Int32) {
        var marks: [UInt8] = [], reached: [Bool] = []
        swap(&marks, &self.marks)
        swap(&reached, &self.reached)
        defer {
            swap(&marks, &self.marks)
            swap(&reached, &self.reached)
        }
        people.rows.withUnsafeBufferPointer { persons in
            people.posts.withUnsafeBufferPointer { posts in
                marks.withUnsafeMutableBufferPointer { marks in
                    reached.withUnsafeMutableBufferPointer { reached in
                        count(table, slots: slots, from: low, through: high, persons, posts, marks, reached)
                    }
                }
            }
        }
    }

    private mutating func count(_ table: ReachIndex.EngagementTable, slots: Range<Int>, from low: Int32, through high: Int32,
                                _ persons: UnsafeBufferPointer<ReachIndex.PersonTable.Person>,
                                _ posts: UnsafeBufferPointer<ReachIndex.PersonTable.Post>,
                                _ marks: UnsafeMutableBufferPointer<UInt8>, _ reached: UnsafeMutableBufferPointer<Bool>) {
        for slot in slots where table.live[slot] {
            let day = table.days[slot]
            guard day >= low, day <= high else { continue }
            if table.restricted[slot] && !seesRestricted { continue }
            let place = table.places[slot]
            if let inPlaces, place < 0 || !inPlaces[Int(place)] { continue }
            engagements += 1
            byKind[Int(table.kinds[slot])] += 1
            byMonth[Int(day / 10_000 - firstYear) * 12 + Int(day / 100 % 100) - 1] += 1
            byPlace[Int(place) + 1] += 1
            for k in Int(table.organizationStart[slot]) ..< Int(table.organizationStart[slot + 1]) {
                let organization = Int(table.organizations[k])
                if organizationLive[organization] { reached[organization] = true }
            }
            for k in Int(table.peopleStart[slot]) ..< Int(table.peopleStart[slot + 1]) {
                let number = Int(table.people[k])
                let person = persons[number]
                guard person.live, seesRestricted || !person.restricted else { continue }
                var mark = marks[number] | Self.named
                /// A post held that day, at a live organisation, places the person at its level and reaches it.
                func countPost(_ post: ReachIndex.PersonTable.Post) {
                    guard post.from <= day, post.to >= day else { return }
                    let organization = Int(post.organization)
                    guard organizationLive[organization] else { return }
                    reached[organization] = true
                    mark |= Self.placed | Self.levelMark(organizationLevel[organization])
                }
                if person.postCount > 0 {
                    countPost(person.firstPost)
                    for post in posts[people.morePosts(of: person)] { countPost(post) }
                }
                marks[number] = mark
            }
        }
    }
}
