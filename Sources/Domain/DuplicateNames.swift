import Foundation

/// Whether two names probably belong to the same person or organisation, and why.
///
/// Names in the region reach the record in many spellings: Serbian Cyrillic and Latin, Albanian
/// spellings of the same sounds ("Rexhepi" for "Redžepi"), words in either order ("Redžepi Emilija"),
/// and text broken on its way through old spreadsheets — letters lost to "?" ("Emilija REDZ?EPI") or
/// UTF-8 read as Windows-1252 ("RedÅ¾epi"). Folding (`NameFolding`) already makes case, diacritics
/// and script alike; this adds the rest. Used by the import's check and the duplicates page.
public enum DuplicateNames {
    /// Why two names look like one. Ordered from surest to least sure.
    public enum Likeness: String, Sendable, Codable, Comparable, CaseIterable {
        /// The same once case, diacritics, script and word order are set aside.
        case sameName = "same_name"
        /// The same in another language's spelling of the same sounds (Albanian "xh" for Serbian "dž").
        case otherSpelling = "other_spelling"
        /// One of them has letters lost or garbled in a broken encoding.
        case brokenEncoding = "broken_encoding"
        /// One letter apart, a typing slip ("Emilia" and "Emilija").
        case oneLetter = "one_letter"

        public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// The comparison form of a name: folded, spellings of one sound made one, words sorted.
    public static func key(_ name: String) -> String {
        words(of: name).sorted().joined(separator: " ")
    }

    /// How `a` and `b` are alike, or nil when they look like different names.
    public static func likeness(_ a: String, _ b: String) -> Likeness? {
        likeness(Name(a), Name(b))
    }

    /// A name prepared once for many comparisons.
    /// A class: an index compares one name with many, and copying a struct of arrays for each comparison
    /// cost more than the comparison.
    public final class Name: Sendable {
        public let written: String
        /// Folded words in the order written.
        let folded: [String]
        /// Folded words with one spelling per sound, in the order written.
        let spelled: [String]
        /// `spelled`, sorted and joined: equal keys are the same name in other spellings.
        public let key: String
        /// For a name with lost letters: its words with `*` where a letter was lost.
        let pattern: [String]?
        /// For a name in a broken encoding: the name as it was meant.
        let repaired: [String]?
        /// Prepared once: comparisons run many times for each name.
        let sortedFolded: [String]
        let keyScalars: [Unicode.Scalar]
        let repairedKey: String?

        public init(_ name: String) {
            written = name
            folded = NameFolding.tokens(name)
            spelled = folded.map(DuplicateNames.spelling)
            key = spelled.sorted().joined(separator: " ")
            pattern = DuplicateNames.lostLetterPattern(name)
            repaired = DuplicateNames.repairedEncoding(name).map { DuplicateNames.words(of: $0) }
            sortedFolded = folded.sorted()
            keyScalars = Array(key.unicodeScalars)
            repairedKey = repaired.map { $0.sorted().joined(separator: " ") }
            isBroken = pattern != nil || repaired != nil
            blockingKeys = Self.blockingKeys(repaired ?? pattern ?? spelled)
            wordsKey = Array(Set((repaired ?? spelled).map { String($0.prefix(3)) }.filter { $0.count >= 2 })).sorted().joined(separator: "|")
            wordKeys = Self.wordKeys(pattern ?? spelled)
        }

        /// Whether this name shows signs of a broken encoding.
        public let isBroken: Bool
        /// Keys under which likely matches are filed: each pair of words' first three letters.
        /// A name with lost letters is looked up by single words too (its other words may be broken).
        public let blockingKeys: [String]
        /// Single-word keys, for looking up names whose other words may be broken.
        public let wordKeys: [String]
        /// Every word's first letters, sorted: clean names that may be a typing slip apart share it (a slip in
        /// a word's first three letters is missed — filing by pairs instead made a crowded file compare each
        /// row with thousands).
        public let wordsKey: String

        static func blockingKeys(_ words: [String]) -> [String] {
            let prefixes = words.map { String($0.prefix { $0 != "*" }.prefix(3)) }.filter { $0.count >= 2 }
            var keys = Set<String>()
            let sorted = Array(Set(prefixes)).sorted()
            for i in sorted.indices { for j in sorted.indices where j > i { keys.insert(sorted[i] + "|" + sorted[j]) } }
            if sorted.count == 1 { keys.insert(sorted[0] + "|") }
            return Array(keys)
        }

        static func wordKeys(_ words: [String]) -> [String] {
            Array(Set(words.map { String($0.prefix { $0 != "*" }.prefix(3)) }.filter { $0.count >= 3 })).map { $0 + "|*" }
        }
    }

    public static func likeness(_ a: Name, _ b: Name) -> Likeness? {
        guard !a.key.isEmpty, !b.key.isEmpty else { return nil }
        if a.key == b.key { return a.sortedFolded == b.sortedFolded ? .sameName : .otherSpelling }
        if let repaired = a.repairedKey, repaired == b.key { return .brokenEncoding }
        if let repaired = b.repairedKey, repaired == a.key { return .brokenEncoding }
        if let pattern = a.pattern, matches(pattern: pattern, words: b.spelled) { return .brokenEncoding }
        if let pattern = b.pattern, matches(pattern: pattern, words: a.spelled) { return .brokenEncoding }
        if a.keyScalars.count >= 10, b.keyScalars.count >= 10, isOneEditApart(a.keyScalars, b.keyScalars) { return .oneLetter }
        return nil
    }

    /// Levenshtein distance exactly one (one letter added, dropped or changed).
    static func isOneEditApart(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a == b || abs(a.count - b.count) > 1 { return false }
        var i = 0
        while i < min(a.count, b.count), a[i] == b[i] { i += 1 }
        if a.count == b.count { return a[(i + 1)...] == b[(i + 1)...] }
        if a.count > b.count { return a[(i + 1)...] == b[i...] }
        return a[i...] == b[(i + 1)...]
    }
}
