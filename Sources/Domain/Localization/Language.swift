/// The languages Roundtable's interface speaks. Record data (names, places) is never translated; a place
/// with names in several languages shows the reader's (see `PlaceNames`).
public enum Language: String, CaseIterable, Sendable, Codable {
    case english = "en"
    case albanian = "sq"
    case serbianCyrillic = "sr-Cyrl"
    case serbianLatin = "sr-Latn"

    /// The language's name in itself, for the switch on the sign-in page.
    public var nativeName: String {
        switch self {
        case .english: return "English"
        case .albanian: return "Shqip"
        case .serbianCyrillic: return "Српски"
        case .serbianLatin: return "Srpski"
        }
    }

    /// The BCP 47 tag for `<html lang>` and `Content-Language`.
    public var tag: String { rawValue }

    /// The ICU locale that formats dates and numbers as the reader writes them (Kosovo's locales).
    public var localeIdentifier: String {
        switch self {
        case .english: return "en_GB"
        case .albanian: return "sq_XK"
        case .serbianCyrillic: return "sr_Cyrl_XK"
        case .serbianLatin: return "sr_Latn_XK"
        }
    }

    /// A tag as browsers, users and settings write it: `sq-XK`, `sr_Latn`, `SR-cyrl-RS`, `sr` (Cyrillic,
    /// Serbian's official script in Kosovo and Serbia), `sh`/`bs`/`hr`/`sr-ME` (read in Latin). Nil when
    /// it is none of ours.
    public init?(tag: String) {
        let parts = tag.trimmingWhitespaceAndQuality().lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let first = parts.first else { return nil }
        switch first {
        case "en": self = .english
        case "sq", "als": self = .albanian
        case "sr":
            if parts.contains("latn") { self = .serbianLatin } else if parts.contains("cyrl") { self = .serbianCyrillic }
            else if parts.contains("me") { self = .serbianLatin } else { self = .serbianCyrillic }
        case "sh", "bs", "hr", "cnr": self = .serbianLatin
        default: return nil
        }
    }

    /// The first of ours in an `Accept-Language` header, by the quality the browser gives each (RFC 9110 §12.5.4).
    public static func preferred(acceptLanguage header: String) -> Language? {
        var ranked: [(quality: Double, order: Int, language: Language)] = []
        for (order, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";")
            guard let range = parts.first, let language = Language(tag: String(range)) else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingWhitespaceAndQuality() }
                if pair.count == 2, pair[0] == "q", let value = Double(pair[1]) { quality = value }
            }
            if quality > 0 { ranked.append((quality, order, language)) }
        }
        return ranked.sorted { ($0.quality, -$0.order) > ($1.quality, -$1.order) }.first?.language
    }
}

private extension StringProtocol {
    func trimmingWhitespaceAndQuality() -> String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
