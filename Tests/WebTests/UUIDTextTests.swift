import Foundation
import Storage
import Testing

@Suite("Identities as SQLite keeps them")
struct UUIDTextTests {
    @Test func textIsFoundationsUpperCaseForm() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(UUIDText.upperCase(id) == id.uuidString)
        }
    }

    /// Records written together get neighbouring keys; the text sorts as the time does.
    @Test func timeOrderedIdentitiesAreVersion7AndSortByTime() {
        let start = Date(timeIntervalSince1970: 1_795_700_000)
        let ids = (0..<50).map { UUID.timeOrdered(at: start.addingTimeInterval(Double($0) / 100)) }
        for id in ids {
            let text = UUIDText.upperCase(id)
            #expect(Array(text)[14] == "7", "version 7: \(text)")
            #expect("89AB".contains(Array(text)[19]), "RFC 9562 variant: \(text)")
            #expect(UUID(uuidString: text) == id)
        }
        #expect(ids.map(UUIDText.upperCase) == ids.map(UUIDText.upperCase).sorted())
        #expect(UUIDText.upperCase(ids[0]).hasPrefix("01A2180F-8500"), "the first 48 bits are the milliseconds: \(UUIDText.upperCase(ids[0]))")
        #expect(Set(ids).count == ids.count)
    }
}
