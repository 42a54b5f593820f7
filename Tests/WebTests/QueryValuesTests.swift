import Testing
@testable import Web

@Suite("Query strings as a filter form sends them")
struct QueryValuesTests {
    @Test func aFilterFormsQueryReadsBackAsTyped() {
        let values = QueryValues.parse("q=Emilija+Red%C5%BEepi&community=&page=3&q=second&flag&sort=name%2Bdesc")
        #expect(values["q"] == "Emilija Redžepi", "plus is a space, percent-escapes are UTF-8; the first of a repeated name wins")
        #expect(values["community"] == "" && values["flag"] == "")
        #expect(values["page"] == "3" && values["sort"] == "name+desc")
        #expect(QueryValues.parse(nil).isEmpty && QueryValues.parse("").isEmpty)
        #expect(QueryValues.parse("q=%E0%A4")["q"] == "", "a broken escape reads as empty, not a crash")
    }
}
