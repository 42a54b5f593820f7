import Foundation
import Testing
@testable import Web

@Suite("A record's identity in its address")
struct AddressIdentityTests {
    @Test func isWrittenInLowerCaseAsFoundationWritesIt() {
        // A link to a record must match the route and every address already bookmarked or exported.
        let known = UUID(uuidString: "0A5BCD52-284A-48C7-8F1E-4D316A9BA2C4")!
        #expect(known.path == "0a5bcd52-284a-48c7-8f1e-4d316a9ba2c4")
        #expect(SiteURL.record(.person, known).path.hasSuffix("/people/0a5bcd52-284a-48c7-8f1e-4d316a9ba2c4"))
        for _ in 0 ..< 1_000 {
            let id = UUID()
            #expect(id.path == id.uuidString.lowercased())
        }
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        #expect(edges.map(\.path) == ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"])
    }
}
