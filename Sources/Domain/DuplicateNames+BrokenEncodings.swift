import Foundation

/// Names a spreadsheet broke on the way: letters it could not write left as "?", and UTF-8 read as Windows-1252.
extension DuplicateNames {
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
}
