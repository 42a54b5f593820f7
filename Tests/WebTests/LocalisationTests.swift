import Domain
import Foundation
import Testing
@testable import Web

@Suite("Every user-facing string goes through the catalogue")
struct LocalisationTests {
    /// Reads the Web sources and checks that every literal key given to the lookup, a flash message
    /// or a field issue exists in the English catalogue, so a typo cannot show a raw key to a user.
    @Test func everyKeyTheWebUsesHasEnglishWords() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20)
        let pattern = /(?:text|Flash|badRequest|FieldIssue\(field: "[a-zA-Z]+",|issues\.append\(FieldIssue\(field: "[a-zA-Z]+",|titleKey:|notAllowed|\.check\([^"]+"[a-zA-Z]+",|\.add\("[a-zA-Z]+",)\s*\(?\s*"([a-z][a-zA-Z]*\.[a-zA-Z.]+)"/
        var keys = Set<String>()
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for match in source.matches(of: pattern) { keys.insert(String(match.1)) }
        }
        #expect(keys.count > 60)
        let text = Localizer()
        let missing = keys.filter { !text.has($0) }.sorted()
        #expect(missing.isEmpty, "keys without English words: \(missing)")
    }

    /// Where a literal is text a reader sees: shown in a page, an attribute a screen reader reads, a button,
    /// a label, a line of a Markdown report. A literal there must be a catalogue lookup, not words.
    static let readerContexts = [
        "Text(", "Paragraph(", "H.link(", "Forms.submit(", "label: ", "help: ", "button: ", "empty: ", "title: ", "summary: ",
        "(\"aria-label\", ", "(\"title\", ", "(\"placeholder\", ", "(\"alt\", ", "(\"data-lookup-label\", ", "(\"data-lookup-none\", ",
        "out.append(", "lines.append(",
    ]
    /// The context that makes a literal reader's text, if any: one of `readerContexts`, the text of
    /// `H.text("tag", [attributes], "…")`, or a literal joined onto a lookup (`text("x") + " …"`).
    static func readerContext(_ before: String) -> String? {
        if let context = readerContexts.first(where: { before.hasSuffix($0) }) {
            // `Text(` the component, not `queryText(` or `H.text(`: the name must start there.
            let start = before.index(before.endIndex, offsetBy: -context.count)
            let previous = start > before.startIndex ? before[before.index(before: start)] : " "
            if context.first?.isLetter == true, previous.isLetter || previous.isNumber || previous == "." { return nil }
            return context
        }
        if before.wholeMatch(of: #/.*H\.text\("[a-z0-9]+", \[.*\], /#) != nil { return "H.text(…, " }
        if before.wholeMatch(of: #/.*\btext\(.*\) \+ /#) != nil { return "text(…) + " }
        return nil
    }

    /// Words that are the same in every language the app ships: formats and units.
    static let sameInEveryLanguage: Set<String> = ["PDF", "CSV", "HTML", "KB", "MB", "UTF"]

    /// Reads the views, the Markup module and the report writers and fails on words written in them instead
    /// of the catalogue (each one would be English on an Albanian or Serbian page).
    @Test func noWordsAreWrittenInViewsInsteadOfTheCatalogue() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let folders = ["Web", "Markup", "Features"]
        // Deliberate exceptions: the demo's records are record data (names and titles people type), and the
        // actor labels in Actor.swift are stored identifiers that `AuditTable.actorLabel` translates.
        let exceptions = ["Features/Demo/", "Features/Actor.swift"]
        var problems: [String] = []
        var literals = 0
        let catalogue = Localizer()
        for folder in folders {
            let files = FileManager.default.enumerator(at: sources.appendingPathComponent(folder), includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            for file in files where !exceptions.contains(where: { file.path.contains("/Sources/" + $0) }) {
                for literal in SwiftStringLiteral.all(in: try String(contentsOf: file, encoding: .utf8)) {
                    literals += 1
                    guard let context = Self.readerContext(literal.before) else { continue }
                    // A catalogue key handed on to be looked up (`title: "groups.meetingOf"`) is not words.
                    if catalogue.has(literal.words) { continue }
                    let words = literal.words.split(whereSeparator: { !$0.isLetter }).filter { $0.count > 1 && !Self.sameInEveryLanguage.contains(String($0)) }
                    if !words.isEmpty { problems.append("\(folder)/\(file.lastPathComponent):\(literal.line) after \(context) — \(words.joined(separator: " "))") }
                }
            }
        }
        #expect(literals > 500, "the scan read the sources")
        #expect(problems.isEmpty, "words written in code instead of the catalogue:\n\(problems.joined(separator: "\n"))")
    }

    @Test func theLiteralScanSeesWordsButNotKeysOrInterpolations() {
        let source = #"""
        Text(text("record.edit")); Text("Edit \(name)"); H.link("\(a) · \(text("x"))", to: .home) // Text("a comment")
        out.append("## " + text("report.summary")); ("aria-label", "Close")
        H.text("span", [("class", "muted")], " (PDF, "); Text(text("list.count") + " items")
        """#
        let found = SwiftStringLiteral.all(in: source).filter { Self.readerContext($0.before) != nil }
        #expect(found.map { $0.words.trimmingCharacters(in: .whitespaces) } == ["Edit", "·", "##", "Close", "(PDF,", "items"])
    }

    @Test func anUnknownKeyFallsBackToItselfAndArgumentsFillIn() {
        let text = Localizer()
        #expect(text("no.such.key") == "no.such.key")
        #expect(text("home.welcome", "Kübra") == "Welcome, Kübra.")
    }
}
