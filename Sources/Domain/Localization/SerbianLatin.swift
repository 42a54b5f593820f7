/// Serbian in Latin letters from Serbian in Cyrillic: the two alphabets map letter for letter (Љ → Lj,
/// Њ → Nj, Џ → Dž, Ђ → Đ, Ћ → Ć, Ж → Ž, Ч → Č, Ш → Š …), so the Latin catalogue is generated, never
/// kept by hand. The other direction is ambiguous (is "nj" one letter or two?) and is never made.
public enum SerbianLatin {
    /// The exceptions, by catalogue key: words that stay in Cyrillic in the Latin catalogue, because the
    /// text shows Cyrillic on purpose (the filter box's help: "redzepi finds Redžepi and Реџепи").
    public static let keptInCyrillic: [String: Set<String>] = ["list.filterBox.help": ["Реџепи"]]

    /// A catalogue entry's text in Latin letters, with that entry's exceptions.
    public static func transliterate(_ text: String, key: String) -> String {
        transliterate(text, keeping: keptInCyrillic[key] ?? [])
    }

    private static let letters: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "đ", "е": "e", "ж": "ž", "з": "z", "и": "i", "ј": "j",
        "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "ћ": "ć", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "č", "џ": "dž", "ш": "š",
        "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Ђ": "Đ", "Е": "E", "Ж": "Ž", "З": "Z", "И": "I", "Ј": "J",
        "К": "K", "Л": "L", "Љ": "Lj", "М": "M", "Н": "N", "Њ": "Nj", "О": "O", "П": "P", "Р": "R", "С": "S", "Т": "T",
        "Ћ": "Ć", "У": "U", "Ф": "F", "Х": "H", "Ц": "C", "Ч": "Č", "Џ": "Dž", "Ш": "Š",
    ]

    public static func transliterate(_ text: String, keeping kept: Set<String> = []) -> String {
        var out = ""
        var word: [Character] = []
        func flush() {
            if kept.contains(String(word)) { out += String(word) } else { out += latin(word) }
            word.removeAll()
        }
        for character in text {
            if character.isLetter { word.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// One word: a capital digraph letter is "LJ" inside a word written in capitals, "Lj" otherwise.
    static func latin(_ word: [Character]) -> String {
        var out = ""
        for (index, character) in word.enumerated() {
            guard let mapped = letters[character] else { out.append(character); continue }
            if mapped.count == 2, character.isUppercase {
                let neighbours = [index > 0 ? word[index - 1] : nil, index + 1 < word.count ? word[index + 1] : nil].compactMap { $0 }
                if !neighbours.isEmpty, neighbours.allSatisfy({ $0.isUppercase }) { out += mapped.uppercased(); continue }
            }
            out += mapped
        }
        return out
    }
}
