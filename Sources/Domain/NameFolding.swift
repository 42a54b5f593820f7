import Foundation

/// Folds a name so that spellings people consider the same compare equal: case-, diacritic- and
/// script-insensitive. "Redžepi", "REDZEPI" and "Реџепи" all fold to "redzepi"; "Mitrovicë",
/// "Митровица" and "mitrovica" to "mitrovica". Used by filters now, search and duplicate detection later.
/// Folding is for matching only; names are always shown as written.
public enum NameFolding {
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        // Lower-case first (İ becomes i + a combining dot, dropped below), then spell Cyrillic in Latin,
        // then decompose so that diacritics become separate marks that can be dropped.
        let latin = transliterate(text.lowercased())
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
        // Collapse spaces, and "dj" to "d": Đorđević is written Djordjevic and Dordevic alike.
        let words = String(out).split(separator: " ").map { $0.replacingOccurrences(of: "dj", with: "d") }
        return words.joined(separator: " ")
    }

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
