import Foundation

extension ReachIndex {
    /// Engagements as parallel columns, one row a slot: a year is a contiguous run of a few integer arrays,
    /// with nothing allocated or reference-counted per engagement. Who took part and which organisations
    /// are ranges into two shared buffers. (A dictionary of structs with two arrays each was 300,000
    /// allocations and hundreds of megabytes, and counting a year spent a third of its time on retain/release.)
    struct EngagementTable {
        var ids: [UUID] = []
        /// yyyymmdd of the local start.
        var days: [Int32] = []
        /// Into `ReachIndex.kinds`.
        var kinds: [UInt16] = []
        /// Into `ReachIndex.placeIDs`; -1 for none.
        var places: [Int32] = []
        var restricted: [Bool] = []
        /// False once the engagement was changed or deleted: its new version, if any, is in another slot.
        var live: [Bool] = []
        /// Slot i's participants are `people[peopleStart[i] ..< peopleStart[i + 1]]` (person numbers).
        var peopleStart: [Int32] = [0]
        var people: [Int32] = []
        /// Slot i's organisations are `organizations[organizationStart[i] ..< organizationStart[i + 1]]`.
        var organizationStart: [Int32] = [0]
        var organizations: [Int32] = []
        private(set) var dead = 0

        var count: Int { days.count }

        mutating func append<People: Collection<Int32>, Organizations: Collection<Int32>>(
            id: UUID, day: Int32, kind: UInt16, place: Int32, restricted isRestricted: Bool,
            people who: People, organizations which: Organizations
        ) {
            ids.append(id); days.append(day); kinds.append(kind); places.append(place)
            restricted.append(isRestricted); live.append(true)
            people.append(contentsOf: who); peopleStart.append(Int32(people.count))
            organizations.append(contentsOf: which); organizationStart.append(Int32(organizations.count))
        }

        /// Appends another table's live slots (their slot numbers here returned in the same order).
        mutating func append(_ other: EngagementTable, slots: some Sequence<Int>) {
            for slot in slots where other.live[slot] {
                append(id: other.ids[slot], day: other.days[slot], kind: other.kinds[slot], place: other.places[slot],
                       restricted: other.restricted[slot], people: other.participants(slot), organizations: other.organizationsOf(slot))
            }
        }

        mutating func kill(_ slot: Int) {
            guard live[slot] else { return }
            live[slot] = false
            dead += 1
        }

        func participants(_ slot: Int) -> ArraySlice<Int32> { people[Int(peopleStart[slot]) ..< Int(peopleStart[slot + 1])] }
        func organizationsOf(_ slot: Int) -> ArraySlice<Int32> { organizations[Int(organizationStart[slot]) ..< Int(organizationStart[slot + 1])] }

        /// For a table sorted by day: the slots from the first day through the last, by binary search.
        func slots(from low: Int32, through high: Int32) -> Range<Int> {
            let start = firstSlot(onOrAfter: low)
            return start ..< max(start, firstSlot(onOrAfter: high &+ 1))
        }

        private func firstSlot(onOrAfter day: Int32) -> Int {
            var low = 0, high = days.count
            while low < high {
                let middle = (low + high) / 2
                if days[middle] < day { low = middle + 1 } else { high = middle }
            }
            return low
        }

        /// The live slots of both tables in one table sorted by day, with nothing dead in it.
        static func sorted(_ tables: EngagementTable...) -> EngagementTable {
            var order: [(day: Int32, table: Int, slot: Int)] = []
            order.reserveCapacity(tables.reduce(0) { $0 + $1.count - $1.dead })
            for (number, table) in tables.enumerated() {
                for slot in 0 ..< table.count where table.live[slot] { order.append((table.days[slot], number, slot)) }
            }
            order.sort { $0.day < $1.day }
            var result = EngagementTable()
            result.reserve(slots: order.count, people: tables.reduce(0) { $0 + $1.people.count },
                           organizations: tables.reduce(0) { $0 + $1.organizations.count })
            for (_, number, slot) in order { result.append(tables[number], slots: CollectionOfOne(slot)) }
            return result
        }

        mutating func reserve(slots: Int, people participants: Int, organizations links: Int) {
            ids.reserveCapacity(slots); days.reserveCapacity(slots); kinds.reserveCapacity(slots); places.reserveCapacity(slots)
            restricted.reserveCapacity(slots); live.reserveCapacity(slots)
            peopleStart.reserveCapacity(slots + 1); organizationStart.reserveCapacity(slots + 1)
            people.reserveCapacity(participants); organizations.reserveCapacity(links)
        }

        /// What the columns take in memory, for the log.
        var bytes: Int {
            ids.capacity * 16 + days.capacity * 4 + kinds.capacity * 2 + places.capacity * 4 + restricted.capacity + live.capacity
                + (peopleStart.capacity + people.capacity + organizationStart.capacity + organizations.capacity) * 4
        }
    }
}
