/// A place's name for a reader: their language, then the same language in another script or region
/// ("sr" for "sr-Cyrl") — for a Serbian Latin reader a Cyrillic name is written in Latin letters, as they
/// would read it —, then English, then any name at all.
public enum PlaceNames {
    public static func display(_ names: [(language: String, name: String)], for language: String) -> String {
        if let exact = names.first(where: { $0.language.lowercased() == language.lowercased() }) { return exact.name }
        let base = language.split(separator: "-").first.map { String($0).lowercased() } ?? language
        if let sameLanguage = names.first(where: { $0.language.lowercased().split(separator: "-").first.map(String.init) == base }) {
            if language.lowercased() == "sr-latn" { return SerbianLatin.transliterate(sameLanguage.name) }
            return sameLanguage.name
        }
        if let english = names.first(where: { $0.language.lowercased() == "en" }) { return english.name }
        return names.sorted { $0.language < $1.language }.first?.name ?? ""
    }

    /// A language tag we accept: `sq`, `sr-Latn`, `sr-Cyrl`, `en-GB` …
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
