extension ReachIndex {
    /// Small numbers for values that repeat (kinds, places, communities, levels): each value is kept once and
    /// the index's columns hold its number, an offset into this collection.
    struct Numbering<Key: Hashable & Sendable>: RandomAccessCollection, Sendable {
        private(set) var keys: [Key] = []
        private var numbers: [Key: Int32] = [:]

        /// The value's number, given it the first time it is seen.
        mutating func number(_ key: Key) -> Int32 {
            if let number = numbers[key] { return number }
            keys.append(key)
            numbers[key] = Int32(keys.count - 1)
            return Int32(keys.count - 1)
        }

        var startIndex: Int { 0 }
        var endIndex: Int { keys.count }
        subscript(position: Int) -> Key { keys[position] }

        var bytes: Int { keys.capacity * MemoryLayout<Key>.stride + numbers.capacity * (MemoryLayout<Key>.stride + 4) }
    }
}
