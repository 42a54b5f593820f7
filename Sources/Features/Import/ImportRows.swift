import Domain
import Foundation

/// A file's rows read through its mapping: the cell for a field, and the heading to name in a problem.
struct ImportRows: Sendable {
    let table: CSVReader.Table
    let mapping: ImportMapping

    /// The rows that have anything in a mapped column (Excel leaves `;;;;` rows at the end).
    var rows: [CSVReader.Row] {
        let mapped = mapping.fields.indices.filter { mapping.fields[$0] != nil }
        return table.rows.filter { row in mapped.contains { !row[$0].trimmingWhitespace().isEmpty } }
    }

    func cell(_ row: CSVReader.Row, _ field: String) -> String? {
        guard let column = mapping.column(of: field) else { return nil }
        let value = row[column].trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// The file's heading for a field's column (the field's key when it is not mapped).
    func heading(_ field: String) -> String {
        guard let column = mapping.column(of: field), column < table.header.count else { return field }
        let heading = table.header[column].trimmingWhitespace()
        return heading.isEmpty ? "column \(column + 1)" : heading
    }

    func problem(_ row: CSVReader.Row, _ field: String, _ key: String, _ arguments: String...) -> ImportProblem {
        ImportProblem(row: row.number, column: heading(field), messageKey: key, arguments: arguments)
    }

    /// A use case's problems, each at the column its field came from (`fields` maps input fields to import fields).
    func problems(_ row: CSVReader.Row, _ issues: [FieldIssue], fields: [String: String] = [:]) -> [ImportProblem] {
        issues.map { issue in
            let base = String(issue.field.prefix { $0 != "." && $0 != "[" })
            return ImportProblem(row: row.number, column: heading(fields[base] ?? base), messageKey: issue.messageKey, arguments: issue.arguments)
        }
    }

    /// A reference by name (place, community, organisation, person), or the problem to report.
    func reference(_ row: CSVReader.Row, _ field: String, in table: [String: [UUID]], references: ImportReferences,
                   unknown: String, problems: inout [ImportProblem]) -> UUID? {
        guard let name = cell(row, field) else { return nil }
        switch references.lookup(table, name) {
        case let .found(id): return id
        case .none: problems.append(problem(row, field, unknown, name))
        case let .several(count): problems.append(problem(row, field, "import.ambiguous", name, String(count)))
        }
        return nil
    }

    /// A choice by key or label, or the problem to report.
    func choice(_ row: CSVReader.Row, _ field: String, keys: [String], label: (String) -> String, problems: inout [ImportProblem]) -> String? {
        guard let text = cell(row, field) else { return nil }
        if let key = SpreadsheetCell.choice(text, keys: keys, label: label) { return key }
        problems.append(problem(row, field, "import.notAChoice", text, keys.map(label).joined(separator: ", ")))
        return nil
    }

    /// A day in any of the spreadsheet forms, as ISO text, or the problem to report.
    func day(_ row: CSVReader.Row, _ field: String, problems: inout [ImportProblem]) -> String? {
        guard let text = cell(row, field) else { return nil }
        if let day = SpreadsheetCell.day(text) { return day.description }
        problems.append(problem(row, field, "import.badDate", text))
        return nil
    }
}
