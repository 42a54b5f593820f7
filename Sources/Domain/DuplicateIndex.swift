/// Finds, among many records, those whose names look like a given name (`DuplicateNames`), without
/// comparing against every record.
///
/// Names with the same comparison key form one group, found directly. For the rest, groups are filed under
/// short keys and only groups sharing one are compared: clean names by every word's first letters and the
/// key's length (one letter apart is at most one letter longer), broken ones by each pair of words' first
/// letters, whatever their length.
public struct DuplicateIndex<ID: Hashable & Sendable>: Sendable {
    public struct Match: Sendable {
        public var id: ID
        public var likeness: DuplicateNames.Likeness
        /// The record's name (or other name) that matched.
        public var name: String
    }

    /// Each group's name and the records with it, in two arrays: reading a name for a comparison should
    /// not copy the list of records.
    private var groupNames: [DuplicateNames.Name] = []
    private var groupIDs: [[ID]] = []
    private var groupOfKey: [String: Int] = [:]
    /// Clean names by pair key and length (`emi|red|15`); broken ones by pair key (`emi|red|*`).
    private var byBlock: [String: [Int]] = [:]
    /// Every name by pair key alone, and by single words: for looking up broken names, whose length says little.
    private var byBlockAnyLength: [String: [Int]] = [:]
    private var byWord: [String: [Int]] = [:]
    private var order: [ID: Int] = [:]

    public init() {}

    public var count: Int { order.count }

    /// Files a record under each of its names (its name and other spellings).
    public mutating func add(_ id: ID, names written: [String]) {
        add(id, prepared: written.map(DuplicateNames.Name.init))
    }

    /// Files a record under names already prepared (a row's name is looked up and then filed).
    public mutating func add(_ id: ID, prepared: [DuplicateNames.Name]) {
        for name in prepared {
            let text = name.written
            guard !name.key.isEmpty else { continue }
            if order[id] == nil { order[id] = order.count }
            let groupKey = name.isBroken ? "\u{1}" + text : name.key
            if let index = groupOfKey[groupKey] {
                // A record's names are filed together, so one already filed in this group is its last entry.
                // (Searching the whole group made filing quadratic in a common name: at a million people,
                // thousands share "arta krasniqi", and an import's check spent a third of its time here.)
                if groupIDs[index].last != id { groupIDs[index].append(id) }
                continue
            }
            let index = groupNames.count
            groupNames.append(name)
            groupIDs.append([id])
            groupOfKey[groupKey] = index
            if !name.isBroken { byBlock[name.wordsKey + "|\(name.keyScalars.count)", default: []].append(index) }
            for key in name.blockingKeys {
                if name.isBroken { byBlock[key + "|*", default: []].append(index) }
                byBlockAnyLength[key, default: []].append(index)
            }
            for key in name.wordKeys { byWord[key, default: []].append(index) }
        }
    }

    /// The records whose names look like `name`, surest first, at most `limit`.
    public func matches(for written: String, limit: Int = 5, excluding: ID? = nil) -> [Match] {
        matches(for: DuplicateNames.Name(written), limit: limit, excluding: excluding)
    }

    public func matches(for name: DuplicateNames.Name, limit: Int = 5, excluding: ID? = nil) -> [Match] {
        guard !name.key.isEmpty else { return [] }
        var best: [ID: Match] = [:]
        func consider(_ index: Int, _ likeness: DuplicateNames.Likeness) {
            for id in groupIDs[index] where id != excluding {
                if let known = best[id], known.likeness <= likeness { continue }
                best[id] = Match(id: id, likeness: likeness, name: groupNames[index].written)
            }
        }
        var visited = Set<Int>()
        // The same key: the same name, or the same in another spelling.
        if !name.isBroken, let index = groupOfKey[name.key] {
            visited.insert(index)
            consider(index, groupNames[index].sortedFolded == name.sortedFolded ? .sameName : .otherSpelling)
        }
        func scan(_ indices: [Int]?) {
            guard let indices else { return }
            for index in indices where visited.insert(index).inserted {
                let candidate = groupNames[index]
                if name.isBroken || candidate.isBroken {
                    if let likeness = DuplicateNames.likeness(name, candidate) { consider(index, likeness) }
                } else if name.keyScalars.count >= 10, candidate.keyScalars.count >= 10,
                          DuplicateNames.isOneEditApart(name.keyScalars, candidate.keyScalars) {
                    // Two clean names in different groups differ in key: only a typing slip is left to find.
                    consider(index, .oneLetter)
                }
            }
        }
        let length = name.keyScalars.count
        if !name.isBroken {
            for near in (length - 1)...(length + 1) { scan(byBlock[name.wordsKey + "|\(near)"]) }
        }
        for key in name.blockingKeys {
            if name.isBroken { scan(byBlockAnyLength[key]) } else { scan(byBlock[key + "|*"]) }
        }
        // Names with a single usable word (often broken ones) are filed by that word alone.
        for key in name.wordKeys {
            scan(byBlock[String(key.dropLast()) + "|*"])
            if name.isBroken { scan(byWord[key]) }
        }
        // A name broken at the start of every word ("?or?e ?or?evi?") has no key: compare with every name
        // (rare, and a failing comparison stops at the word count).
        if name.isBroken, name.blockingKeys.isEmpty, name.wordKeys.isEmpty { scan(Array(groupNames.indices)) }
        return Array(best.values.sorted { ($0.likeness, order[$0.id] ?? 0) < ($1.likeness, order[$1.id] ?? 0) }.prefix(limit))
    }
}
