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

    // MARK: Spelling

    /// Folded words, each in one spelling per sound.
    static func words(of name: String) -> [String] { NameFolding.tokens(name).map(spelling) }

    /// Albanian and Serbian Latin write some sounds differently; after folding (which drops the carons
    /// of č, ž, š, dž) these pairs remain: xh/dz (Rexhepi/Redžepi), zh/z, sh/s, ç→c (Kçira), q/c
    /// (Albanian q is ć), gj/d (Gjorgji/Đorđi), dh/d, th/t, doubled ll and rr.
    static func spelling(_ word: String) -> String {
        // On bytes, in one pass: this runs for every word of every row of an import.
        let bytes = Array(word.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i], next = i + 1 < bytes.count ? bytes[i + 1] : 0
            if let pair = digraphs[UInt16(byte) << 8 | UInt16(next)] {
                out += pair
                i += 2
                continue
            }
            out.append(singles[byte] ?? byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digraphs: [UInt16: [UInt8]] = Dictionary(uniqueKeysWithValues: [
        ("xh", "dz"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("gj", "d"), ("dh", "d"), ("th", "t"), ("ll", "l"), ("rr", "r"),
    ].map { from, to in
        let f = Array(from.utf8)
        return (UInt16(f[0]) << 8 | UInt16(f[1]), Array(to.utf8))
    })

    private static let singles: [UInt8: UInt8] = [UInt8(ascii: "q"): UInt8(ascii: "c"), UInt8(ascii: "y"): UInt8(ascii: "i"), UInt8(ascii: "w"): UInt8(ascii: "v")]

    // MARK: Broken encodings

    /// Where a spreadsheet could not write a letter it left "?" (or U+FFFD): "REDZ?EPI", "?or?evi?".
    /// The words with `*` for each lost letter, or nil when nothing was lost.
    static func lostLetterPattern(_ name: String) -> [String]? {
        // Bytes first ("?" is 0x3F; U+FFFD begins with 0xEF): most names have neither, and walking characters is slow.
        guard name.utf8.contains(where: { $0 == 0x3F || $0 == 0xEF }), name.contains(where: { $0 == "?" || $0 == "\u{FFFD}" }) else { return nil }
        // Fold the pieces between lost letters on their own, keeping word breaks around them.
        var words: [String] = []
        var current = ""
        for piece in name.split(separator: " ", omittingEmptySubsequences: true) {
            current = ""
            var run = ""
            for character in piece {
                if character == "?" || character == "\u{FFFD}" {
                    current += NameFolding.fold(run).replacingOccurrences(of: " ", with: "") + "*"
                    run = ""
                } else {
                    run.append(character)
                }
            }
            current += NameFolding.fold(run).replacingOccurrences(of: " ", with: "")
            if !current.isEmpty, current != "*" { words.append(spelling(current)) }
        }
        return words.isEmpty ? nil : words
    }

    /// UTF-8 read as Windows-1252 turns "Redžepi" into "RedÅ¾epi" and "Đorđević" into "Ä�orÄ‘eviÄ‡".
    /// The name as it was meant, when reading it back that way gives valid UTF-8.
    public static func repairedEncoding(_ name: String) -> String? {
        guard name.unicodeScalars.contains(where: { (0xC2...0xC5).contains($0.value) || $0.value == 0xD0 || $0.value == 0xD1 }) else { return nil }
        var bytes: [UInt8] = []
        for scalar in name.unicodeScalars {
            if scalar.value < 0x100 {
                bytes.append(UInt8(scalar.value))
            } else if let byte = windows1252[scalar.value] {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        guard let repaired = String(validating: bytes, as: UTF8.self), repaired != name else { return nil }
        return repaired
    }

    /// The characters Windows-1252 puts in 0x80–0x9F, back to their bytes.
    static let windows1252: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// Whether the words match the pattern, in the same order or reversed; each `*` stands for up to two
    /// letters (a lost "ž" may leave "z?" or just "?").
    static func matches(pattern: [String], words: [String]) -> Bool {
        guard pattern.count == words.count else { return false }
        let p = pattern.map { Array($0.unicodeScalars) }
        func all(_ candidate: [String]) -> Bool {
            zip(p, candidate).allSatisfy { matches(pattern: $0, word: Array($1.unicodeScalars)) }
        }
        return all(words) || all(words.reversed())
    }

    static func matches(pattern: [Unicode.Scalar], word: [Unicode.Scalar]) -> Bool {
        // Positions of the word reachable after each pattern character (a small NFA).
        var reachable: Set<Int> = [0]
        for symbol in pattern {
            var next = Set<Int>()
            for position in reachable {
                if symbol == "*" {
                    for skip in 0...2 where position + skip <= word.count { next.insert(position + skip) }
                } else if position < word.count, word[position] == symbol {
                    next.insert(position + 1)
                }
            }
            if next.isEmpty { return false }
            reachable = next
        }
        // A pattern of only lost letters proves nothing.
        return reachable.contains(word.count) && pattern.contains { $0 != "*" }
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
