import Foundation
import Testing
@testable import Web

@Suite("A record's identity in its address")
struct AddressIdentityTests {
    @Test func isLowerCaseAsBookmarkedAndExportedAddressesHaveIt() {
        let known = UUID(uuidString: "0A5BCD52-284A-48C7-8F1E-4D316A9BA2C4")!
        #expect(SiteURL.record(.person, known).path == "/people/0a5bcd52-284a-48c7-8f1e-4d316a9ba2c4")
        #expect(SiteURL.record(.person, known, .history).path == "/people/0a5bcd52-284a-48c7-8f1e-4d316a9ba2c4/history")
    }
}
