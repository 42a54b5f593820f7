import Domain
import Foundation

/// Lists stored as JSON text (other names, emails, phones, languages): portable across SQLite and PostgreSQL.
enum JSONList {
    static func encode(_ values: [String]) -> String { JSONText.array(values) }

    static func decode(_ text: String) -> [String] {
        JSONText.strings(text) ?? (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
