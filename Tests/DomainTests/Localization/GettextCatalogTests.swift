import Domain
import Testing

@Suite("Gettext catalogues: what translators' tools write, read back exactly")
struct GettextCatalogTests {
    static let sample = #"""
    # A comment
    msgid ""
    msgstr ""
    "Language: sr-Cyrl\n"
    "Plural-Forms: nplurals=3;\n"

    msgctxt "nav.home"
    msgid "Home"
    msgstr "Почетна"

    msgctxt "network.engagements"
    msgid "{0} engagement together"
    msgid_plural "{0} engagements together"
    msgstr[0] "{0} заједнички сусрет"
    msgstr[1] "{0} заједничка "
    "сусрета"
    msgstr[2] "{0} заједничких сусрета"

    msgctxt "quote"
    msgid "Say \"hi\"\n"
    msgstr "Реците \"здраво\"\n"
    """#

    @Test func entriesPluralsContinuationsAndEscapesAreRead() throws {
        let catalog = try GettextCatalog.parse(Self.sample)
        #expect(catalog.language == "sr-Cyrl")
        #expect(catalog.messages["nav.home"] == .text("Почетна"))
        #expect(catalog.messages["network.engagements"] == .plural(["{0} заједнички сусрет", "{0} заједничка сусрета", "{0} заједничких сусрета"]))
        #expect(catalog.messages["quote"] == .text("Реците \"здраво\"\n"))
        #expect(catalog.sources["network.engagements"] == ["{0} engagement together", "{0} engagements together"])
        #expect(GettextCatalog.quote("Реците \"здраво\"\n") == #""Реците \"здраво\"\n""#)
    }

    @Test func aBrokenCatalogueSaysWhichLine() {
        #expect(throws: GettextCatalog.ParseError(line: 3, reason: "a quote inside a string must be written \\\"")) {
            try GettextCatalog.parse("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"say \"x\"\"\n")
        }
        #expect(throws: GettextCatalog.ParseError(line: 5, reason: "“a” is in the catalogue twice")) {
            try GettextCatalog.parse("msgctxt \"a\"\nmsgid \"A\"\nmsgstr \"A\"\n\nmsgctxt \"a\"\nmsgid \"A\"\nmsgstr \"B\"\n")
        }
    }
}
