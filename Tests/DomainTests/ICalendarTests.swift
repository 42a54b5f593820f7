import Domain
import Foundation
import Testing

@Suite("iCalendar text: escaping, folding, dates")
struct ICalendarTests {
    @Test("TEXT values are escaped", arguments: [
        ("plain", "plain"),
        ("a;b,c\\d", "a\\;b\\,c\\\\d"),
        ("line\none", "line\\none"),
        ("crlf\r\nonce", "crlf\\nonce"),
        ("cr\rtoo", "cr\\ntoo"),
        ("tab\tkept, bell\u{7} dropped", "tab\tkept\\, bell dropped"),
        ("Mitrovicë; Митровица", "Mitrovicë\\; Митровица"),
    ])
    func escaping(raw: String, escaped: String) {
        #expect(ICalendar.escape(raw) == escaped)
    }

    @Test func shortLinesAreLeftAlone() {
        let line = "SUMMARY:" + String(repeating: "x", count: 67)
        #expect(line.utf8.count == 75)
        #expect(ICalendar.fold(line) == line)
    }

    @Test func longLinesFoldAt75OctetsWithALeadingSpace() {
        let line = "DESCRIPTION:" + String(repeating: "abcdefghij", count: 20)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts[0].utf8.count == 75)
        #expect(unfold(folded) == line)
    }

    @Test func foldingNeverSplitsAMultiByteCharacter() {
        // Two-, three- and four-byte characters at every offset against the 75-octet boundary.
        for prefix in 0..<4 {
            let line = "SUMMARY:" + String(repeating: "a", count: prefix) + String(repeating: "ž中𝄞", count: 40)
            let folded = ICalendar.fold(line)
            for part in folded.components(separatedBy: "\r\n") {
                #expect(part.utf8.count <= 75)
                #expect(String(validating: Array(part.utf8), as: UTF8.self) != nil)
            }
            #expect(unfold(folded) == line)
        }
    }

    @Test func aDocumentHasCRLFLinesAndEventsWithDayOrUTCStarts() throws {
        let stamp = try #require(ISO8601DateFormatter().date(from: "2024-03-01T12:00:00Z"))
        let start = try #require(ISO8601DateFormatter().date(from: "2023-08-08T08:00:00Z"))
        let events = [
            ICalendar.Event(uid: "a@roundtable", start: .day(Day("2023-12-31")!), summary: "Forum, Zvečan; day two"),
            ICalendar.Event(uid: "b@roundtable", start: .instant(start), durationMinutes: 90, summary: "Meeting", location: "Town hall",
                            description: "Meeting\nhttps://rt.example/engagements/b", url: "https://rt.example/engagements/b", isConfidential: true),
        ]
        let text = ICalendar.document(name: "Roundtable", events: events, stamp: stamp)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare line feeds")
        #expect(text.contains("\r\nDTSTART;VALUE=DATE:20231231\r\nDTEND;VALUE=DATE:20240101\r\n"))
        #expect(text.contains("\r\nSUMMARY:Forum\\, Zvečan\\; day two\r\n"))
        #expect(text.contains("\r\nDTSTART:20230808T080000Z\r\nDURATION:PT90M\r\n"))
        #expect(text.contains("\r\nDTSTAMP:20240301T120000Z\r\n"))
        #expect(text.contains("\r\nDESCRIPTION:Meeting\\nhttps://rt.example/engagements/b\r\n"))
        #expect(text.contains("\r\nCLASS:CONFIDENTIAL\r\n"))
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 3)
    }

    @Test func aDayAloneIsAWholeDay() {
        #expect(LocalStart("2023-08-08")!.isDayOnly)
        #expect(!LocalStart("2023-08-08T10:30")!.isDayOnly)
        #expect(Day("2024-02-28")!.next == Day("2024-02-29"))
        #expect(Day("2023-02-28")!.next == Day("2023-03-01"))
    }

    private func unfold(_ text: String) -> String { text.replacingOccurrences(of: "\r\n ", with: "") }
}
