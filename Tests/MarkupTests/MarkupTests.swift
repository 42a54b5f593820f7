import Markup
import Testing

@Suite("Markup: HTML written from values, always escaped")
struct MarkupTests {
    @Test("text escapes &, < and > and keeps every script as written", arguments: [
        ("Redžepi & Hamza", "Redžepi &amp; Hamza"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("&amp; stays visible as typed", "&amp;amp; stays visible as typed"),
        ("Јужна Митровица", "Јужна Митровица"),
        ("\"quoted\" in text", "\"quoted\" in text"),
        ("", ""),
    ])
    func text(input: String, expected: String) {
        #expect(Text(input).render() == expected)
    }

    @Test("attribute values escape quotes, so a typed value cannot end the attribute")
    func attributeValues() {
        let input = Element(void: "input", [("name", "name"), ("value", "\"><script>x</script> & Ђорђе")])
        #expect(input.render() == "<input name=\"name\" value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt; &amp; Ђорђе\">")
    }

    @Test("nil attributes are left out; empty ones are boolean")
    func booleanAttributes() {
        let option = Element("option", [("value", "a"), ("selected", ""), ("disabled", nil)], content: Text("A"))
        #expect(option.render() == "<option value=\"a\" selected>A</option>")
    }

    @Test("the builder takes if, if-let, for and optionals")
    func builder() {
        let names: [String] = ["Emilija", "Bedri"]
        let note: String? = nil
        let showAll = true
        let list = Paragraph {
            for name in names { Element("b", content: Text(name)) }
            if let note { Text(note) }
            if showAll { Text("all") } else { Text("some") }
            Optional<any Component>.none
        }
        #expect(list.render() == "<p><b>Emilija</b><b>Bedri</b>all</p>")
    }

    @Test("an element with no content still closes")
    func emptyElement() {
        #expect(Element("textarea", [("name", "notes")], content: EmptyComponent()).render() == "<textarea name=\"notes\"></textarea>")
    }
}
