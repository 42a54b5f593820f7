import Domain
import Testing

@Suite("Search highlights: the matched words, in any spelling")
struct SearchHighlightTests {
    @Test func aFoldedQueryMarksTheNameInAnyScript() {
        let latin = SearchHighlight.segments("Ms. Emilija Redžepi, DPM", query: ["redzepi"])
        #expect(latin == [.init("Ms. Emilija ", match: false), .init("Redžepi", match: true), .init(", DPM", match: false)])
        #expect(SearchHighlight.matches("Емилија Реџепи", query: ["redzepi"]))
        #expect(SearchHighlight.segments("Mitrovicë/Mitrovica", query: ["mitro"]).filter(\.match).map(\.text) == ["Mitrovicë", "Mitrovica"])
        #expect(!SearchHighlight.matches("Pristina", query: ["mitro"]))
    }

    @Test func aSnippetIsCutAroundTheFirstMatch() throws {
        let text = String(repeating: "word ", count: 40) + "the forum in Zvečan agreed " + String(repeating: "more ", count: 40)
        let snippet = try #require(SearchHighlight.snippet(text, query: ["zvecan"], radius: 30))
        #expect(snippet.first?.text.hasPrefix("…") == true && snippet.last?.text == "…")
        #expect(snippet.contains(.init("Zvečan", match: true)))
        #expect(SearchHighlight.snippet("nothing here", query: ["zvecan"]) == nil)
    }

    /// A snippet keeps the marks of every match in it, whether the first is at the start, at the end or both.
    @Test func aSnippetKeepsItsEndsAndEveryMatch() {
        #expect(SearchHighlight.snippet("Zvečan forum", query: ["zvecan"]) == [.init("Zvečan", match: true), .init(" forum", match: false)])
        #expect(SearchHighlight.snippet("the forum in Zvečan", query: ["zvecan"]) == [.init("the forum in ", match: false), .init("Zvečan", match: true)])
        #expect(SearchHighlight.snippet("Zvečan and Zubin Potok, then Zvečan", query: ["zvecan", "zubin"])
            == [.init("Zvečan", match: true), .init(" and ", match: false), .init("Zubin", match: true), .init(" Potok, then ", match: false), .init("Zvečan", match: true)])
        #expect(SearchHighlight.snippet("Зубин Поток", query: ["zubin"]) == [.init("Зубин", match: true), .init(" Поток", match: false)])
    }

    /// `matches` folds a whole text at once to rule it out quickly; it must say what the marks say.
    @Test func aTextMatchesWhenAWordOfItIsMarked() {
        let texts = ["Mitrovicë/Mitrovica", "Емилија Реџепи", "Đorđević, Djordjević and Dordevic", "Ne\u{0308}na", "Prishtinë2024 forum",
                     "the forum in Zvečan agreed", "REDZEPI-REDŽEPI", "nothing here", ""]
        for text in texts {
            for query in [["redzepi"], ["mitro"], ["dordev"], ["zvecan"], ["prishtina"], ["nena"], ["forum", "agreed"], ["x"]] {
                #expect(SearchHighlight.matches(text, query: query) == SearchHighlight.segments(text, query: query).contains(where: \.match), "\(text) \(query)")
            }
        }
    }
}
