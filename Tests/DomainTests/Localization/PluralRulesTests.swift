import Domain
import Testing

/// CLDR's own sample numbers (common/supplemental/plurals.xml) for the languages Roundtable speaks.
@Suite("Plural rules: CLDR's categories for English, Albanian and Serbian")
struct PluralRulesTests {
    static let samples = ["0", "1", "2", "4", "5", "11", "12", "14", "21", "22", "25", "101", "1.5"]

    @Test("Serbian: one, few, other — decimals too", arguments: ["sr", "sr-Cyrl", "sr-Latn"])
    func serbian(language: String) {
        let expected: [PluralCategory] = [.other, .one, .few, .few, .other, .other, .other, .other, .one, .few, .other, .one, .other]
        #expect(Self.samples.map { PluralRules.category(of: $0, in: language) } == expected)
        // Fractions count by their digits: 2.1 is "one", 0.3 "few", 1.25 "other".
        #expect(["2.1", "0.3", "1.25", "0.11"].map { PluralRules.category(of: $0, in: language) } == [.one, .few, .other, .other])
        #expect(PluralRules.categories(for: language) == [.one, .few, .other])
    }

    @Test("Albanian and English: one and other", arguments: ["sq", "en"])
    func oneOther(language: String) {
        let expected: [PluralCategory] = [.other, .one, .other, .other, .other, .other, .other, .other, .other, .other, .other, .other, .other]
        #expect(Self.samples.map { PluralRules.category(of: $0, in: language) } == expected)
        #expect(PluralRules.categories(for: language) == [.one, .other])
    }

    @Test func englishCountsVisibleDecimalsAlbanianCountsTheValue() {
        #expect(PluralRules.category(of: "1.0", in: "en") == .other)
        #expect(PluralRules.category(of: "1.0", in: "sq") == .one)
        #expect(PluralRules.category(of: -1, in: "sr") == .one)
    }
}
