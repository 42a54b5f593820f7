import Domain
import Features
import Foundation

/// `roundtable import KIND FILE`: the same check and write as the web's staged import, in words for a
/// terminal. Nothing is written on a dry run, when the check finds a problem, or while suggested
/// duplicates are undecided.
extension RoundtableCLI {
    public struct ImportOptions: Sendable {
        public var kind: String
        public var file: String
        public var dryRun = false
        /// `Heading=field` pairs that change the guessed mapping (`field` empty: leave the column out).
        public var mappings: [String] = []
        /// The decision for every suggested duplicate not decided by row.
        public var duplicates: String?
        public var mergeRows: [Int] = []
        public var newRows: [Int] = []

        public init(kind: String, file: String) {
            self.kind = kind
            self.file = file
        }
    }

    public struct ImportOutcome: Sendable {
        /// What the check found, line by line.
        public var report: [String]
        /// Whether anything was written.
        public var wrote: Bool
        /// Whether the command should exit non-zero (problems, undecided duplicates).
        public var failed: Bool
    }

    public static func importFile(_ config: AppConfiguration, _ options: ImportOptions, progress: @escaping @Sendable (String) -> Void) async throws -> ImportOutcome {
        let text = Localizer()
        guard let kind = ImportKind(rawValue: options.kind) else {
            throw CommandFailure(description: "Unknown kind \"\(options.kind)\"; choose one of: " + ImportKind.order.map(\.rawValue).joined(separator: ", ") + ".")
        }
        guard let data = FileManager.default.contents(atPath: options.file) else { throw CommandFailure(description: "Cannot read \(options.file).") }
        let table: CSVReader.Table
        do { table = try Imports.table(Array(data)) } catch { throw CommandFailure(description: "\(options.file): " + describe(error)) }
        var mapping = ImportMapping.guess(header: table.header, kind: kind)
        for pair in options.mappings {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, let column = table.header.firstIndex(where: { $0.trimmingWhitespace() == parts[0].trimmingWhitespace() }) else {
                throw CommandFailure(description: "--map \(pair): the file has no column headed \"\(parts.first ?? "")\"; its columns are: "
                                     + table.header.map { "\"\($0)\"" }.joined(separator: ", ") + ".")
            }
            let field = parts[1].trimmingWhitespace()
            guard field.isEmpty || kind.fields.contains(where: { $0.key == field }) else {
                throw CommandFailure(description: "--map \(pair): \(kind.rawValue) have no field \"\(field)\"; they have: " + kind.fields.map(\.key).joined(separator: ", ") + ".")
            }
            // As on the site, a field that two columns fill is a problem the check reports: the column a
            // guess gave it to is left out by naming it too (`--map "Email="`), not moved silently.
            mapping.fields[column] = field.isEmpty ? nil : field
        }
        var decisions = ImportDecisions()
        if let all = options.duplicates {
            guard let decision = DuplicateDecision(rawValue: all) else { throw CommandFailure(description: "--duplicates takes merge or new, not \"\(all)\".") }
            decisions.forAll = decision
        }
        for row in options.mergeRows { decisions.byRow[row] = .merge }
        for row in options.newRows { decisions.byRow[row] = .new }

        return try await withApp(config) { app in
            let imports = Imports(database: app.db, timeZone: config.timeZone)
            progress("Checking \(options.file)…")
            let fileName = URL(fileURLWithPath: options.file).lastPathComponent
            let tenths = TenthsReached()
            // Without --dry-run the file is checked and written together (each checked batch written while the next
            // is checked); it is all rolled back, and the problems reported, unless the whole file is clean and decided.
            let (plan, result) = options.dryRun
                ? (try await imports.check(kind, table: table, mapping: mapping, by: .commandLine), nil)
                : try await imports.checkAndWrite(kind, table: table, mapping: mapping, decisions: decisions, fileName: fileName, by: .commandLine) { done, total in
                    if tenths.advanced(done, of: total) { progress("Written \(done) of \(total)…") }
                }
            var report = ["\(options.file): \(plan.rowCount) rows of \(kind.rawValue), cells separated by \"\(table.separator == "\t" ? "tab" : String(table.separator))\"."]
            report.append("Columns: " + table.header.indices.map { index in
                "\"\(table.header[index])\" → \(mapping.field(at: index) ?? "(not imported)")"
            }.joined(separator: ", "))
            if !plan.problems.isEmpty {
                report.append("\(plan.problems.count) problem(s):")
                report += plan.problems.map { problem in
                    (problem.row > 0 ? "  row \(problem.row)" : "  file") + (problem.column.isEmpty ? "" : ", \"\(problem.column)\"") + ": "
                        + text.text(problem.messageKey, problem.arguments)
                }
            }
            if !plan.suggestions.isEmpty {
                report.append("\(plan.suggestions.count) row(s) look like someone already known:")
                report += plan.suggestions.map { suggestion in
                    let decided = decisions.decision(for: suggestion.row).map { " → \($0.rawValue)" } ?? ""
                    let other = suggestion.existing.map { "\"\($0.name)\" (in the record)" } ?? "row \(suggestion.earlierRow ?? 0) \"\(suggestion.matchedName)\""
                    return "  row \(suggestion.row) \"\(suggestion.name)\" looks like \(other): \(text("duplicates.likeness.\(suggestion.likeness.rawValue)"))\(decided)"
                }
            }
            let undecided = plan.undecided(decisions)
            // A dry run says what the real run would do, and exits as it would: undecided duplicates stop it too.
            if options.dryRun {
                if !plan.problems.isEmpty {
                    report.append("Dry run: nothing was written; the import would stop at the problems above.")
                } else if !undecided.isEmpty {
                    report.append("Dry run: nothing was written; the import would stop until the \(undecided.count) possible duplicate(s) are decided"
                                  + " with --duplicates merge or --duplicates new, or row by row with --merge ROW and --new ROW.")
                } else {
                    report.append("Dry run: the file is ready to import; nothing was written.")
                }
                return ImportOutcome(report: report, wrote: false, failed: !plan.problems.isEmpty || !undecided.isEmpty)
            }
            guard plan.problems.isEmpty else {
                report.append("Nothing was written: fix the problems above and run the import again.")
                return ImportOutcome(report: report, wrote: false, failed: true)
            }
            guard undecided.isEmpty else {
                report.append("Nothing was written: decide the \(undecided.count) possible duplicate(s) with --duplicates merge (they are the same)"
                              + " or --duplicates new (they are someone else), or row by row with --merge ROW and --new ROW.")
                return ImportOutcome(report: report, wrote: false, failed: true)
            }
            guard let result else {
                report.append("Nothing was written.")
                return ImportOutcome(report: report, wrote: false, failed: true)
            }
            report.append("Imported: \(result.created) new, \(result.merged) merged into records already kept.")
            return ImportOutcome(report: report, wrote: true, failed: false)
        }
    }
}

/// Lets a long import report at every tenth of the way, not at every batch.
final class TenthsReached: @unchecked Sendable {
    private let lock = NSLock()
    private var reached = 0

    func advanced(_ done: Int, of total: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let tenth = total == 0 ? 10 : done * 10 / total
        guard tenth > reached else { return false }
        reached = tenth
        return true
    }
}
