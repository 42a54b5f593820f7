/// Which words of a text a search matched, through the same folding as the index: "redzepi" marks
/// "Redžepi" and "Реџепи", "mitro" marks both halves of "Mitrovicë/Mitrovica".
public enum SearchHighlight {
    public struct Segment: Equatable, Sendable, Codable {
        public var text: String
        public var match: Bool

        public init(_ text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    /// The text cut into runs, each word marked when its folded form starts with one of the query's words.
    public static func segments(_ text: String, query tokens: [String]) -> [Segment] {
        var segments: [Segment] = []
        forEachRun(of: text) { run, isWord in
            let match = isWord && wordMatches(run, tokens)
            if let last = segments.last, last.match == match {
                segments[segments.count - 1].text += run
            } else {
                segments.append(Segment(String(run), match: match))
            }
            return true
        }
        return segments
    }

    /// Whether any word of the text matches. The whole text is folded once: most texts a search looks
    /// through for a snippet (an engagement's summary, outcomes, decisions) hold none of its words, and
    /// folding them word by word was a tenth of a search page's time.
    public static func matches(_ text: String, query tokens: [String]) -> Bool {
        NameFolding.tokens(text).contains { word in tokens.contains { word.hasPrefix($0) } } && firstMatch(in: text, tokens) != nil
    }

    /// About `radius` characters either side of the first match, cut at word boundaries, with "…" where cut.
    public static func snippet(_ text: String, query tokens: [String], radius: Int = 80) -> [Segment]? {
        guard let first = firstMatch(in: text, tokens) else { return nil }
        var before = String(text[..<first.lowerBound])
        var after = String(text[first.upperBound...])
        var result: [Segment] = []
        if before.count > radius {
            before = String(before.suffix(radius))
            if let space = before.firstIndex(of: " ") { before = String(before[before.index(after: space)...]) }
            result.append(Segment("…" + before, match: false))
        } else if !before.isEmpty {
            result.append(Segment(before, match: false))
        }
        result.append(Segment(String(text[first]), match: true))
        var cut = false
        if after.count > radius {
            after = String(after.prefix(radius))
            if let space = after.lastIndex(of: " ") { after = String(after[..<space]) }
            cut = true
        }
        // The rest keeps its own marks.
        result += segments(after, query: tokens)
        if cut { result.append(Segment("…", match: false)) }
        return result
    }

    /// The first word of the text that matches, read no further than it.
    static func firstMatch(in text: String, _ tokens: [String]) -> Range<String.Index>? {
        var found: Range<String.Index>?
        forEachRun(of: text) { run, isWord in
            if isWord && wordMatches(run, tokens) { found = run.startIndex ..< run.endIndex }
            return found == nil
        }
        return found
    }

    static func wordMatches(_ word: Substring, _ tokens: [String]) -> Bool {
        NameFolding.tokens(String(word)).contains { folded in tokens.contains { folded.hasPrefix($0) } }
    }

    /// The text's runs in order, words (letters, digits and their marks) and what lies between them, until
    /// `body` returns false.
    static func forEachRun(of text: String, _ body: (Substring, _ isWord: Bool) -> Bool) {
        var start = text.startIndex, inWord = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let isWordCharacter = character.isLetter || character.isNumber || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
            if isWordCharacter != inWord {
                if start < index, !body(text[start ..< index], inWord) { return }
                start = index
                inWord = isWordCharacter
            }
            index = text.index(after: index)
        }
        if start < text.endIndex { _ = body(text[start...], inWord) }
    }
}
