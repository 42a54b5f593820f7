import Domain
import Foundation
import Testing

/// The interface's catalogues (`Sources/Domain/Resources/Catalogs/*.po`): every language has every key, with
/// the same placeholders and the plural forms its language needs, and the Serbian Latin catalogue is the
/// Cyrillic one transliterated. Regenerate the Latin one with
/// `ROUNDTABLE_WRITE_CATALOGUES=1 swift test --filter CatalogueTests`.
@Suite("Catalogues: complete, consistent, and Serbian Latin generated")
struct CatalogueTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Domain/Resources/Catalogs")

    static func catalogue(_ language: String) throws -> GettextCatalog {
        try GettextCatalog.parse(String(contentsOf: folder.appendingPathComponent("\(language).po"), encoding: .utf8))
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{[0-9]\}/).map { String($0.output) })
    }

    @Test("every key, every placeholder, every plural form", arguments: ["sq", "sr-Cyrl", "sr-Latn"])
    func complete(language: String) throws {
        let english = try Self.catalogue("en"), translated = try Self.catalogue(language)
        #expect(translated.language == language)
        let missing = Set(english.messages.keys).subtracting(translated.messages.keys).sorted()
        let extra = Set(translated.messages.keys).subtracting(english.messages.keys).sorted()
        #expect(missing.isEmpty, "missing in \(language): \(missing)")
        #expect(extra.isEmpty, "not in English: \(extra)")
        let forms = PluralRules.categories(for: language).count
        for (key, source) in english.messages {
            guard let message = translated.messages[key] else { continue }
            switch (source, message) {
            case (.text(let english), .text(let text)):
                #expect(Self.placeholders(text) == Self.placeholders(english), "\(language) \(key): placeholders differ")
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key) is empty")
            case (.plural(let english), .plural(let texts)):
                #expect(texts.count == forms, "\(language) \(key): \(texts.count) plural forms, the language has \(forms)")
                for text in texts { #expect(Self.placeholders(text) == Self.placeholders(english.last ?? ""), "\(language) \(key): placeholders differ") }
            default:
                Issue.record("\(language) \(key): plural in one catalogue and not in the other")
            }
        }
    }

    @Test func theSerbianLatinCatalogueIsTheCyrillicTransliterated() throws {
        let cyrillic = try String(contentsOf: Self.folder.appendingPathComponent("sr-Cyrl.po"), encoding: .utf8)
        let generated = Self.latin(fromCyrillic: cyrillic)
        let file = Self.folder.appendingPathComponent("sr-Latn.po")
        if ProcessInfo.processInfo.environment["ROUNDTABLE_WRITE_CATALOGUES"] == "1" {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let current = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        #expect(current == generated, "sr-Latn.po is stale: run ROUNDTABLE_WRITE_CATALOGUES=1 swift test --filter CatalogueTests")
    }

    /// The Latin catalogue: each `msgstr` line of the Cyrillic one transliterated (with its entry's
    /// exceptions), the header saying so; keys, English and comments as they are.
    static func latin(fromCyrillic source: String) -> String {
        var out: [String] = ["# Generated from sr-Cyrl.po by SerbianLatin.transliterate — do not edit; edit sr-Cyrl.po and regenerate."]
        var key = ""
        var inMessage = false
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // Keys are plain words and dots: the text between the quotes.
            if line.hasPrefix("msgctxt \"") { key = String(line.dropFirst(9).dropLast()) }
            if line.hasPrefix("msgstr") { inMessage = true } else if !line.hasPrefix("\"") { inMessage = false }
            if line.hasPrefix("\"Language: sr-Cyrl") { out.append("\"Language: sr-Latn\\n\""); continue }
            out.append(inMessage && !key.isEmpty ? SerbianLatin.transliterate(line, key: key) : line)
        }
        return out.joined(separator: "\n")
    }
}
