import Domain
import Foundation
import SnapshotTesting
@testable import Web

/// Pages as HTML snapshots. Every page's `view` is rendered from a small fixed model with a fixed chrome and
/// compared with the file recorded under `__Snapshots__`. Record them again after a deliberate change with
///
///     SNAPSHOT_TESTING_RECORD=all swift test --filter PageSnapshotTests
///
/// and review the diff like any other change.
enum Snapshot {
    /// The languages every page is recorded in. The languages issue adds "sq" and "sr-Cyrl" here, and every
    /// page gets a copy in each.
    static let languages = ["en"]

    /// Renders the page once per language, each with the frame a user with `role` sees (nil: nobody signed
    /// in) and the one-time message `flash`, and compares it with `<test>.<name>-<language>.html`.
    static func page(
        _ name: String, role: Role? = .coordinator, current: SiteURL? = nil, flash: String? = nil,
        fileID: StaticString = #fileID, filePath: StaticString = #filePath, testName: String = #function,
        line: UInt = #line, column: UInt = #column,
        _ render: (Chrome) -> String
    ) {
        for language in languages {
            let chrome = Fixtures.chrome(Localizer(language: language), role: role, current: current, flash: flash)
            assertSnapshot(of: render(chrome), as: .html, named: "\(name).\(language)", fileID: fileID, file: filePath,
                           testName: testName, line: line, column: column)
        }
    }
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
