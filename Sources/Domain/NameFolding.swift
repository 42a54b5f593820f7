import Foundation

/// Folds a name so that spellings people consider the same compare equal: case-, diacritic- and
/// script-insensitive. "Redžepi", "REDZEPI" and "Реџепи" all fold to "redzepi"; "Mitrovicë",
/// "Митровица" and "mitrovica" to "mitrovica". Used by filters now, search and duplicate detection later.
/// Folding is for matching only; names are always shown as written.
public enum NameFolding {
    public static func fold(_ text: String) -> String {
        // Scalar by scalar through a table made once (folding runs for every name of every row of an
        // import, and Foundation's decomposition cost more than everything else in it). Text with
        // combining marks is composed first, so that "e" + U+0308 is "ë" as typed precomposed.
        let text = text.unicodeScalars.contains { !$0.isASCII && $0.properties.generalCategory == .nonspacingMark }
            ? text.precomposedStringWithCanonicalMapping : text
        let scalars = Array(text.unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count + 4)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "ë" || scalar == "Ë" {
                // Albanian nouns end in -ë indefinite and -a definite: Mitrovicë and Mitrovica, Prishtinë
                // and Prishtina name the same town, so a final ë folds to a.
                let atEnd = index + 1 == scalars.count || !scalars[index + 1].properties.isAlphabetic
                out.append(atEnd ? UInt8(ascii: "a") : UInt8(ascii: "e"))
            } else if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): out.append(byte)
                default: out.append(0x20)
                }
            } else if let folded = table[scalar.value] {
                out += folded
            } else {
                out += Array(slowFold(scalar).utf8)
            }
        }
        // Collapse spaces, and "dj" to "d": Đorđević is written Djordjevic and Dordevic alike.
        var result: [UInt8] = []
        result.reserveCapacity(out.count)
        var index = 0
        while index < out.count {
            let byte = out[index]
            if byte == 0x20 {
                if let last = result.last, last != 0x20 { result.append(0x20) }
            } else if byte == UInt8(ascii: "d"), index + 1 < out.count, out[index + 1] == UInt8(ascii: "j") {
                result.append(byte)
                index += 1
            } else {
                result.append(byte)
            }
            index += 1
        }
        if result.last == 0x20 { result.removeLast() }
        return String(decoding: result, as: UTF8.self)
    }

    /// How one scalar folds: lower case (İ becomes i + a combining dot, dropped below), Cyrillic spelt in
    /// Latin, decomposed so that diacritics become marks that are dropped; anything else but letters and
    /// digits is a space.
    static func slowFold(_ scalar: Unicode.Scalar) -> String {
        var out = String.UnicodeScalarView()
        let latin = transliterate(String(scalar).lowercased())
        for scalar in latin.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let replacement = specialLetters[scalar] {
                out.append(contentsOf: replacement.unicodeScalars)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                out.append(scalar)
            } else {
                out.append(" ")
            }
        }
        return String(out)
    }

    /// The folding of Latin (with its extensions), Greek and Cyrillic letters, worked out once.
    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        for range in [0x80...0x24F, 0x370...0x3FF, 0x400...0x52F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[UInt32(value)] = Array(slowFold(scalar).utf8)
            }
        }
        return table
    }()

    /// The folded words of a name, for prefix matching ("kalk" finds "Kübra Kalkandelen").
    public static func tokens(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// Whether every word of the query begins some word of the name, after folding.
    public static func matches(query: String, name: String) -> Bool {
        let nameTokens = tokens(name)
        return tokens(query).allSatisfy { word in nameTokens.contains { $0.hasPrefix(word) } }
    }

    /// Letters that decomposition leaves alone.
    static let specialLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "đ": "d", "ł": "l", "ı": "i", "æ": "ae", "œ": "oe", "ø": "o", "þ": "th", "ð": "d",
        "ħ": "h", "ŧ": "t", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ",
    ]

    /// Serbian Cyrillic exactly as the Latin alphabet spells it (џ → dž, љ → lj …), plus the other
    /// Cyrillic letters in their usual romanisation.
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i",
        "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
        "ѓ": "gj", "ќ": "kj", "ѕ": "dz", "й": "j", "ё": "e", "ы": "y", "э": "e", "ю": "ju", "я": "ja",
        "щ": "šč", "ъ": "", "ь": "", "і": "i", "ї": "ji", "є": "je", "ґ": "g", "ў": "u",
    ]

    static func transliterate(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if let latin = cyrillic[character] {
                result += latin
            } else if character == "ë", index + 1 == characters.count || !characters[index + 1].isLetter {
                // Albanian nouns end in -ë indefinite and -a definite: Mitrovicë and Mitrovica, Prishtinë
                // and Prishtina name the same town, so a final ë folds to a.
                result += "a"
            } else {
                result.append(character)
            }
        }
        return result
    }
}
