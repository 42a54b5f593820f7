import Foundation
import Vapor

/// Reading form fields the way people fill them: lists one per line, optional choices, numbers.
enum FormValues {
    /// Lines or commas → trimmed, non-empty items.
    static func list(_ raw: String?, commas: Bool = false) -> [String] {
        // Browsers send a textarea's line breaks as CRLF, which Swift reads as one Character: `isNewline`
        // covers it (and LF, CR, and the Unicode line separators).
        return (raw ?? "").split(whereSeparator: { $0.isNewline || (commas && $0 == ",") })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// An empty choice is no choice; a malformed identity is reported by the use case as unknown.
    static func uuid(_ raw: String?) -> UUID? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        return UUID(uuidString: raw) ?? UUID(uuidString: "00000000-0000-0000-0000-000000000000")
    }

    static func double(_ raw: String?) -> Double?? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return .some(nil) }
        guard let value = Double(raw), value.isFinite else { return nil }
        return .some(value)
    }

    static func int(_ raw: String?) -> Int? {
        raw.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}
