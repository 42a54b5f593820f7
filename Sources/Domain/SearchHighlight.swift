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
        var current = "", inWord = false
        func flush() {
            guard !current.isEmpty else { return }
            let match = inWord && NameFolding.tokens(current).contains { word in tokens.contains { word.hasPrefix($0) } }
            if let last = segments.last, last.match == match {
                segments[segments.count - 1].text += current
            } else {
                segments.append(Segment(current, match: match))
            }
            current = ""
        }
        for character in text {
            let isWordCharacter = character.isLetter || character.isNumber || character.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
            if isWordCharacter != inWord { flush(); inWord = isWordCharacter }
            current.append(character)
        }
        flush()
        return segments
    }

    /// Whether any word of the text matches.
    public static func matches(_ text: String, query tokens: [String]) -> Bool {
        segments(text, query: tokens).contains(where: \.match)
    }

    /// About `radius` characters either side of the first match, cut at word boundaries, with "…" where cut.
    public static func snippet(_ text: String, query tokens: [String], radius: Int = 80) -> [Segment]? {
        let all = segments(text, query: tokens)
        guard let first = all.firstIndex(where: \.match) else { return nil }
        var before = all[..<first].map(\.text).joined()
        var after = all[(first + 1)...].map(\.text).joined()
        var result: [Segment] = []
        if before.count > radius {
            before = String(before.suffix(radius))
            if let space = before.firstIndex(of: " ") { before = String(before[before.index(after: space)...]) }
            result.append(Segment("…" + before, match: false))
        } else if !before.isEmpty {
            result.append(Segment(before, match: false))
        }
        result.append(all[first])
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
}
