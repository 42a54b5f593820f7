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

    @Test func anUnknownKeyFallsBackToItselfAndArgumentsFillIn() {
        let text = Localizer()
        #expect(text("no.such.key") == "no.such.key")
        #expect(text("home.welcome", "Kübra") == "Welcome, Kübra.")
    }
}
