import FluentSQLiteDriver
import Foundation
import Storage
import Testing

@Suite("Identities as SQLite keeps them")
struct UUIDTextTests {
    @Test func textIsFoundationsUpperCaseForm() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(UUIDText.upperCase(id) == id.uuidString)
            #expect(UUIDText.lowerCase(id) == id.uuidString.lowercased())
        }
        let edges = [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
                     UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
        #expect(edges.map(UUIDText.lowerCase) == ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"])
    }

    /// The index reads identities back with its own parser: the same answer as Foundation's, in either case,
    /// and nothing for text of another shape.
    @Test func textIsReadBackAsFoundationReadsIt() {
        for _ in 0..<100 {
            let id = UUID()
            #expect(UUIDText.parse(id.uuidString) == id)
            #expect(UUIDText.parse(id.uuidString.lowercased()) == id)
        }
        let id = UUID().uuidString
        for malformed in ["", String(id.dropLast()), id + "0", id.replacingOccurrences(of: "-", with: "_"),
                          "G" + id.dropFirst(), String(id.prefix(8)) + String(id.dropFirst(9)) + "0", "é" + id.dropFirst(2)] {
            #expect(UUIDText.parse(malformed) == nil, "\(malformed)")
            #expect(UUID(uuidString: malformed) == nil, "Foundation agrees: \(malformed)")
        }
    }

    /// Records written together get neighbouring keys; the text sorts as the time does.
    /// sqlite-kit reads and writes identities as SQLite's own values (`UUID+SQLiteData`): stored as the same
    /// upper-case text as through `Codable` before, and read back from either case or sixteen bytes.
    @Test func identitiesGoToSQLiteAsTheTextTheyWereAndComeBack() throws {
        let encoder = SQLiteDataEncoder(), decoder = SQLiteDataDecoder()
        for _ in 0..<100 {
            let id = UUID()
            #expect(try encoder.encode(id) == .text(id.uuidString))
            #expect(try encoder.encode(Optional(id)) == .text(id.uuidString))
            #expect(try decoder.decode(UUID.self, from: .text(id.uuidString)) == id)
            #expect(try decoder.decode(UUID.self, from: .text(id.uuidString.lowercased())) == id)
            #expect(try decoder.decode(UUID?.self, from: .text(id.uuidString)) == id)
            #expect(try decoder.decode(UUID.self, from: .blob(ByteBuffer(bytes: withUnsafeBytes(of: id.uuid) { Array($0) }))) == id)
        }
        #expect(try decoder.decode(UUID?.self, from: .null) == nil)
        for notAnIdentity: SQLiteData in [.text("F2783AD9-18E4"), .text(""), .integer(7), .null, .blob(ByteBuffer(bytes: [1, 2, 3]))] {
            #expect(throws: (any Error).self) { try decoder.decode(UUID.self, from: notAnIdentity) }
        }
    }

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
