import Domain
import Foundation
import Testing

@Suite("JSON lists written and read by hand, as JSONEncoder and JSONDecoder would")
struct JSONTextTests {
    @Test("the same text as JSONEncoder, and back", arguments: [
        [], ["Emilija Redžepi", "Емилија Реџепи"], ["quote \" and \\ and / and\nline\ttab\u{01}"], ["😀 and ë"],
    ])
    func roundTrip(_ values: [String]) throws {
        let written = JSONText.array(values)
        #expect(written == String(decoding: try JSONEncoder().encode(values), as: UTF8.self))
        #expect(JSONText.strings(written) == values)
    }

    @Test func readsWhatOthersWrite() {
        #expect(JSONText.strings(" [ \"a\" , \"\\u0107\\ud83d\\ude00\" ] ") == ["a", "ć😀"])
        #expect(JSONText.strings("[1]") == nil && JSONText.strings("{}") == nil && JSONText.strings("[\"open") == nil)
    }
}
