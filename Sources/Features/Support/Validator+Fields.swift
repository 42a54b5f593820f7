import Domain
import Foundation

/// Validation helpers shared by the registry's inputs.
extension Validator {
    mutating func text(_ value: String?, _ field: String, required: Bool = false, max: Int) -> String? {
        // The limit applies to what was sent (as the API document states it), before trimming.
        check((value ?? "").unicodeScalars.count <= max, field, "field.tooLong", String(max))
        check(!Self.hasControlCharacters(value ?? ""), field, "field.controlCharacters")
        let trimmed = (value ?? "").trimmingWhitespace().composed
        if trimmed.isEmpty {
            if required { add(field, "field.required") }
            return nil
        }
        return trimmed
    }

    /// - Parameter allowBlank: drop blank items silently (free text) or report them (emails, phones, languages).
    mutating func list(_ values: [String], _ field: String, maxItems: Int = 20, maxLength: Int = 200, allowBlank: Bool = true) -> [String] {
        // Limits apply to what was sent, before blank items are dropped and items trimmed.
        check(values.count <= maxItems, field, "field.tooMany", String(maxItems))
        check(values.allSatisfy { $0.unicodeScalars.count <= maxLength }, field, "field.tooLong", String(maxLength))
        check(!values.contains(where: Self.hasControlCharacters), field, "field.controlCharacters")
        let trimmed = values.map { $0.trimmingWhitespace().composed }
        if !allowBlank { check(!trimmed.contains(""), field, "field.blankItem") }
        return trimmed.filter { !$0.isEmpty }.uniqued()
    }

    /// NUL and the other control characters (C0 but tab and line breaks, DEL, C1) are never typed: they
    /// come from broken encodings or from probing, are invisible on the page, and cut text short in
    /// C-based tools (PDF, spreadsheets) an export goes to. Refused at the field rather than stored.
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            (scalar.value < 0x20 && ![0x09, 0x0A, 0x0D].contains(scalar.value)) || (0x7F...0x9F).contains(scalar.value)
        }
    }

    mutating func choice<T: RawRepresentable>(_ raw: String?, _ type: T.Type, _ field: String, required: Bool = true) -> T?
    where T.RawValue == String {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty {
            if required { add(field, "field.required") }
            return nil
        }
        guard let parsed = T(rawValue: value) else {
            add(field, "field.notAChoice")
            return nil
        }
        return parsed
    }

    mutating func day(_ raw: String?, _ field: String) -> Day? {
        let value = (raw ?? "").trimmingWhitespace()
        if value.isEmpty { return nil }
        guard let day = Day(value) else {
            add(field, "date.invalid")
            return nil
        }
        return day
    }
}
