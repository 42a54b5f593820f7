import Foundation

/// CLDR's plural categories, and the rules that choose one for a number in each language Roundtable
/// speaks (`common/supplemental/plurals.xml` in unicode-org/cldr). English and Albanian have one/other;
/// Serbian has one/few/other and looks at the fraction digits too (1.5 is "other", 2.1 is "one").
public enum PluralCategory: String, CaseIterable, Sendable {
    case zero, one, two, few, many, other
}

public enum PluralRules {
    /// The categories a language uses, in the order its catalogue lists the forms (`msgstr[0]`, `[1]` …).
    public static func categories(for language: String) -> [PluralCategory] {
        switch family(language) {
        case "sr", "bs", "hr": return [.one, .few, .other]
        default: return [.one, .other]
        }
    }

    /// The category of a whole number.
    public static func category(of number: Int, in language: String) -> PluralCategory {
        category(of: Operands(integer: number), in: language)
    }

    /// The category of a number as it is written (`"1.5"`, `"21"`, `"2.10"`): CLDR decides on the visible
    /// digits, so "1.0" and "1" differ in English.
    public static func category(of written: String, in language: String) -> PluralCategory {
        category(of: Operands(written), in: language)
    }

    static func category(of n: Operands, in language: String) -> PluralCategory {
        switch family(language) {
        case "sr", "bs", "hr":
            // one: v = 0 and i % 10 = 1 and i % 100 != 11 or f % 10 = 1 and f % 100 != 11
            // few: v = 0 and i % 10 = 2..4 and i % 100 != 12..14 or f % 10 = 2..4 and f % 100 != 12..14
            if (n.v == 0 && n.i % 10 == 1 && n.i % 100 != 11) || (n.f % 10 == 1 && n.f % 100 != 11) { return .one }
            if (n.v == 0 && (2...4).contains(n.i % 10) && !(12...14).contains(n.i % 100))
                || ((2...4).contains(n.f % 10) && !(12...14).contains(n.f % 100)) { return .few }
            return .other
        case "sq":
            // one: n = 1
            return n.isExactly(1) ? .one : .other
        default:
            // English — one: i = 1 and v = 0
            return n.i == 1 && n.v == 0 ? .one : .other
        }
    }

    /// "sr-Latn-XK" → "sr".
    static func family(_ language: String) -> String {
        String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }

    /// CLDR's operands: i (integer digits), v (number of visible fraction digits), f (visible fraction
    /// digits as a number, with trailing zeros).
    struct Operands {
        var i: Int
        var v: Int
        var f: Int
        /// The written number, for `n = 1` (1 and 1.0 are both exactly one).
        var integerOnly: Bool { f == 0 }

        init(integer: Int) {
            i = abs(integer); v = 0; f = 0
        }

        init(_ written: String) {
            let parts = written.trimmingCharacters(in: .whitespaces).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            i = abs(Int(parts.first ?? "0") ?? 0)
            let fraction = parts.count > 1 ? String(parts[1]) : ""
            v = fraction.count
            f = Int(fraction) ?? 0
        }

        func isExactly(_ value: Int) -> Bool { i == value && f == 0 }
    }
}
