import Domain
import Testing

@Suite("Duplicate names: the same person in another spelling, script, order or broken encoding")
struct DuplicateNamesTests {
    typealias Likeness = DuplicateNames.Likeness

    @Test("names that are one person", arguments: [
        ("Emilija Redžepi", "EMILIJA REDZEPI", Likeness.sameName),
        ("Emilija Redžepi", "Емилија Реџепи", .sameName),
        ("Emilija Redžepi", "Redžepi Emilija", .sameName),
        ("Emilija Redžepi", "Emilija Rexhepi", .otherSpelling),
        ("Đorđe Đorđević", "Gjorgje Gjorgjeviq", .otherSpelling),
        ("Emilija Redžepi", "Emilija REDZ?EPI", .brokenEncoding),
        ("Emilija Redžepi", "Emilija Red?epi", .brokenEncoding),
        ("Đorđe Đorđević", "?or?e ?or?evi?", .brokenEncoding),
        ("Emilija Redžepi", "Emilija RedÅ¾epi", .brokenEncoding),
        ("Đorđe Đorđević", "Ä\u{90}orÄ‘e Ä\u{90}orÄ‘eviÄ‡", .brokenEncoding),
        ("Emilija Redžepi", "Emilia Redžepi", .oneLetter),
    ])
    func alike(_ a: String, _ b: String, _ likeness: Likeness) {
        #expect(DuplicateNames.likeness(a, b) == likeness)
        #expect(DuplicateNames.likeness(b, a) == likeness)
    }

    @Test("names that are different people", arguments: [
        ("Emilija Redžepi", "Emilija Ramadani"),
        ("Emilija Redžepi", "Bedri Hamza"),
        ("Ana Ivić", "Ane Ivić"),  // short names: one letter apart proves nothing
        ("Emilija Redžepi", "??? ???"),
        ("Emilija Redžepi", "Emilija R?"),
    ])
    func different(_ a: String, _ b: String) {
        #expect(DuplicateNames.likeness(a, b) == nil)
    }

    @Test("a broken encoding is read back as it was meant")
    func repairsEncoding() {
        #expect(DuplicateNames.repairedEncoding("RedÅ¾epi") == "Redžepi")
        #expect(DuplicateNames.repairedEncoding("Redžepi") == nil)
        #expect(DuplicateNames.repairedEncoding("Ångström") == nil)
    }

    @Test("the index finds a person among many by any of these spellings")
    func index() {
        var index = DuplicateIndex<Int>()
        index.add(1, names: ["Emilija Redžepi", "Emilija Rexhepi"])
        index.add(2, names: ["Bedri Hamza"])
        index.add(3, names: ["Emilija Ramadani"])
        index.add(4, names: ["Đorđe Đorđević"])
        for n in 5..<2_000 { index.add(n, names: ["Emilija Person\(n)"]) }
        #expect(index.matches(for: "EMILIJA REDZ?EPI").map(\.id) == [1])
        #expect(index.matches(for: "Реџепи Емилија").first?.likeness == .sameName)
        #expect(index.matches(for: "?or?e ?or?evi?").map(\.id) == [4])
        #expect(index.matches(for: "Hamza Bedri").map(\.id) == [2])
        #expect(index.matches(for: "Bedri Hamza", excluding: 2).isEmpty)
        #expect(index.matches(for: "Someone Else").isEmpty)
    }

    @Test("many people who share a name are each found once, in the order they were filed")
    func sharedName() {
        var index = DuplicateIndex<Int>()
        // Each record twice under the same name (as written and in capitals): one entry a record.
        for n in 0..<500 { index.add(n, names: ["Arta Krasniqi", "ARTA KRASNIQI"]) }
        index.add(500, names: ["Arta Krasniqi"])
        let found = index.matches(for: "Arta Krasniqi", limit: 1_000)
        #expect(found.map(\.id) == Array(0...500))
        #expect(found.allSatisfy { $0.likeness == .sameName })
    }
}
