import Foundation

/// The string literals of Swift source, each with the code just before it on its line — enough to tell a
/// text shown to a reader (`Text("…")`, `H.link("…"`, `("aria-label", "…")`) from a key or a class name.
/// Interpolations (`\(…)`, with strings inside them) are skipped, so only the literal's own words remain.
struct SwiftStringLiteral {
    var line: Int
    /// The code before the literal on its line.
    var before: String
    /// The literal's text outside its interpolations.
    var words: String

    static func all(in source: String) -> [SwiftStringLiteral] {
        let chars = Array(source)
        var found: [SwiftStringLiteral] = []
        var i = 0, line = 1, lineStart = 0
        func skipComment() -> Bool {
            guard i + 1 < chars.count, chars[i] == "/" else { return false }
            if chars[i + 1] == "/" { while i < chars.count, chars[i] != "\n" { i += 1 }; return true }
            if chars[i + 1] == "*" {
                i += 2
                while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { if chars[i] == "\n" { line += 1; lineStart = i + 1 }; i += 1 }
                i += 2
                return true
            }
            return false
        }
        /// Reads a literal starting at the opening quote; returns its words outside interpolations.
        func literal() -> String {
            let triple = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
            i += triple ? 3 : 1
            var words = ""
            while i < chars.count {
                let c = chars[i]
                if triple, c == "\"", i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" { i += 3; return words }
                if !triple, c == "\"" { i += 1; return words }
                if c == "\n" { line += 1; lineStart = i + 1 }
                if c == "\\", i + 1 < chars.count {
                    if chars[i + 1] == "(" {
                        i += 2
                        var depth = 1
                        while i < chars.count, depth > 0 {
                            if chars[i] == "\"" { _ = literal(); continue }
                            if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth -= 1 }
                            i += 1
                        }
                        words += " "
                        continue
                    }
                    i += 2
                    words += " "
                    continue
                }
                words.append(c)
                i += 1
            }
            return words
        }
        while i < chars.count {
            if skipComment() { continue }
            if chars[i] == "\n" { line += 1; lineStart = i + 1; i += 1; continue }
            if chars[i] == "\"" {
                let startLine = line, before = String(chars[lineStart..<i])
                let words = literal()
                found.append(SwiftStringLiteral(line: startLine, before: before, words: words))
                continue
            }
            i += 1
        }
        return found
    }
}
