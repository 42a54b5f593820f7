import Domain
import Testing

@Suite("Choosing the interface language")
struct LanguageTests {
    @Test("tags as browsers and people write them", arguments: [
        ("sq", Language.albanian), ("sq-XK", .albanian), ("SQ_al", .albanian), ("sr", .serbianCyrillic), ("sr-RS", .serbianCyrillic),
        ("sr-Cyrl-XK", .serbianCyrillic), ("sr_Latn", .serbianLatin), ("sr-Latn-RS", .serbianLatin), ("sr-ME", .serbianLatin), ("bs", .serbianLatin),
        ("en-GB", .english), ("en", .english),
    ])
    func tags(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
    }

    @Test func unknownTagsAreNone() {
        #expect(Language(tag: "de") == nil && Language(tag: "") == nil && Language(tag: "*") == nil)
    }

    @Test func acceptLanguageIsReadByQuality() {
        #expect(Language.preferred(acceptLanguage: "de-DE,de;q=0.9,sq;q=0.8,en;q=0.7") == .albanian)
        #expect(Language.preferred(acceptLanguage: "en;q=0.5, sr-Latn;q=0.9") == .serbianLatin)
        #expect(Language.preferred(acceptLanguage: "fr, de") == nil)
        #expect(Language.preferred(acceptLanguage: "sq;q=0, en") == .english)
    }
}
