import Domain
import Foundation
import SnapshotTesting
import Testing
@testable import Web

/// Pages as HTML snapshots. Every page's `view` is rendered from a small fixed model with a fixed chrome and
/// compared with the file recorded under `__Snapshots__`. Record them again after a deliberate change with
///
///     SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests
///
/// and review the diff like any other change.
enum Snapshot {
    /// The languages every page is recorded in: English, Albanian and Serbian in Cyrillic (Serbian Latin is
    /// the Cyrillic letter by letter, checked by the catalogue tests).
    static let languages: [Language] = [.english, .albanian, .serbianCyrillic]

    /// The language of the run in progress: `InEveryLanguage` runs each test once per language, so the
    /// models a test builds (their error messages too) are in that language.
    @TaskLocal static var language: Language = .english

    /// The reader's words in the language of this run.
    static var text: Localizer { Localizer(language) }

    /// Renders the page once per language, each with the frame a user with `role` sees (nil: nobody signed
    /// in) and the one-time message `flash`, and compares it with `<test>.<name>-<language>.html`.
    static func page(
        _ name: String, role: Role? = .coordinator, current: SiteURL? = nil, flash: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, testName: String = #function,
        line: UInt = #line, column: UInt = #column,
        _ render: (Chrome) -> String
    ) {
        let chrome = Fixtures.chrome(text, role: role, current: current, flash: flash)
        assertSnapshot(of: render(chrome), as: .html, named: "\(name).\(language.tag)", fileID: fileID, file: filePath,
                       testName: testName, line: line, column: column)
    }
}

/// Runs each test of a suite once in every language of `Snapshot.languages`.
struct InEveryLanguage: SuiteTrait, TestTrait, TestScoping {
    var isRecursive: Bool { true }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws {
        guard testCase != nil else { return try await function() }
        for language in Snapshot.languages {
            try await Snapshot.$language.withValue(language) { try await function() }
        }
    }
}

extension Trait where Self == InEveryLanguage {
    static var inEveryLanguage: Self { InEveryLanguage() }
}

extension Snapshotting where Value == String, Format == String {
    /// A page as an `.html` file, a tag to a line (a line break between `>` and `<` changes nothing a reader
    /// sees), so a change reads as a small diff.
    static var html: Snapshotting {
        var lines = Snapshotting<String, String>.lines
        lines.pathExtension = "html"
        return lines.pullback { $0.replacingOccurrences(of: "><", with: ">\n<") + "\n" }
    }
}
