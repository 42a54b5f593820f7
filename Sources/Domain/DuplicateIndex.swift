/// Finds, among many records, those whose names look like a given name (`DuplicateNames`), without
/// comparing against every record: names are filed under short keys (pairs of words' first letters) and
/// only names sharing a key are compared. 100,000 people fit in memory easily.
public struct DuplicateIndex<ID: Hashable & Sendable>: Sendable {
    public struct Match: Sendable {
        public var id: ID
        public var likeness: DuplicateNames.Likeness
        /// The record's name (or other name) that matched.
        public var name: String
    }

    private var names: [ID: [DuplicateNames.Name]] = [:]
    private var byBlock: [String: [ID]] = [:]
    private var byWord: [String: [ID]] = [:]
    /// The order records were added, to keep results stable.
    private var order: [ID: Int] = [:]

    public init() {}

    public var count: Int { names.count }

    /// Files a record under each of its names (its name and other spellings).
    public mutating func add(_ id: ID, names written: [String]) {
        let prepared = written.map(DuplicateNames.Name.init).filter { !$0.key.isEmpty }
        guard !prepared.isEmpty else { return }
        if order[id] == nil { order[id] = order.count }
        names[id, default: []] += prepared
        for name in prepared {
            for key in name.blockingKeys { byBlock[key, default: []].append(id) }
            for key in name.wordKeys { byWord[key, default: []].append(id) }
        }
    }

    /// The records whose names look like `name`, surest first, at most `limit`.
    public func matches(for written: String, limit: Int = 5, excluding: ID? = nil) -> [Match] {
        let name = DuplicateNames.Name(written)
        guard !name.key.isEmpty else { return [] }
        var candidates = Set<ID>()
        for key in name.blockingKeys { candidates.formUnion(byBlock[key] ?? []) }
        // Names with a single usable word (often broken ones) are filed by that word alone.
        for key in name.wordKeys { candidates.formUnion(byBlock[String(key.dropLast())] ?? []) }
        if name.isBroken { for key in name.wordKeys { candidates.formUnion(byWord[key] ?? []) } }
        // A name broken at the start of every word ("?or?e ?or?evi?") has no key: compare with every name
        // (rare, and a failing comparison stops at the word count).
        if name.isBroken, name.blockingKeys.isEmpty, name.wordKeys.isEmpty { candidates = Set(names.keys) }
        if let excluding { candidates.remove(excluding) }
        var found: [Match] = []
        for id in candidates {
            var best: Match?
            for candidate in names[id] ?? [] {
                guard let likeness = DuplicateNames.likeness(name, candidate) else { continue }
                if best == nil || likeness < best!.likeness { best = Match(id: id, likeness: likeness, name: candidate.written) }
            }
            if let best { found.append(best) }
        }
        return Array(found.sorted { ($0.likeness, order[$0.id] ?? 0) < ($1.likeness, order[$1.id] ?? 0) }.prefix(limit))
    }
}
