import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Bringing spreadsheets into the record: check a file (every problem by row and column, and rows that
/// look like records already kept or like earlier rows), then — only when the check is clean and every
/// suggested duplicate is decided — write it all in one transaction, so that a failure or a kill leaves
/// nothing half-imported. The web's staged import and `roundtable import` both come here.
public struct Imports: Sendable {
    public let database: any Database
    public let language: String
    /// Where engagements without a time zone of their own took place (the installation's zone).
    public let timeZone: String

    public init(database: any Database, language: String = "en", timeZone: String = "UTC") {
        self.database = database
        self.language = language
        self.timeZone = timeZone
    }

    /// Called with (rows written, rows in all) as a long import goes.
    public typealias Progress = @Sendable (Int, Int) -> Void

    // MARK: Checking

    /// Reads a file's bytes as a table, or the problem that stops it being read (with its line).
    public static func table(_ bytes: [UInt8]) throws(DomainError) -> CSVReader.Table {
        do {
            return try CSVReader.read(bytes)
        } catch {
            throw DomainError.invalid([FieldIssue(field: "file", fileProblemKey(error), fileProblemArgument(error))])
        }
    }

    public func check(_ kind: ImportKind, table: CSVReader.Table, mapping: ImportMapping, by actor: Actor) async throws -> ImportPlan {
        try actor.require(.writeRecords)
        let rows = ImportRows(table: table, mapping: mapping)
        let mappingProblems = mapping.problems(kind: kind)
        guard mappingProblems.isEmpty else {
            return ImportPlan(kind: kind, rowCount: rows.rows.count, problems: mappingProblems.map {
                ImportProblem(row: 0, column: "", $0.messageKey, $0.arguments)
            }, suggestions: [], items: [])
        }
        switch kind {
        case .people: return try await checkPeople(rows, by: actor)
        case .organizations: return try await checkOrganizations(rows, by: actor)
        case .positions: return try await checkPositions(rows, by: actor)
        case .engagements: return try await checkEngagements(rows, by: actor)
        }
    }

    // MARK: Writing

    /// Writes a clean, decided plan in one transaction. Re-check the file first: what it names may have
    /// changed since it was checked.
    public func write(_ plan: ImportPlan, decisions: ImportDecisions, fileName: String, by actor: Actor, now: Date = Date(),
                      progress: @escaping Progress = { _, _ in }) async throws -> ImportResult {
        try actor.require(.writeRecords)
        guard plan.problems.isEmpty else { throw DomainError.invalid([FieldIssue(field: "file", "import.notClean", String(plan.problems.count))]) }
        let undecided = plan.undecided(decisions)
        guard undecided.isEmpty else { throw DomainError.invalid([FieldIssue(field: "duplicates", "import.undecided", String(undecided.count))]) }
        return try await database.transaction { tx in
            let result: ImportResult
            switch plan.kind {
            case .people: result = try await PeopleImport(database: tx, language: language).write(plan, decisions: decisions, by: actor, now: now, progress: progress)
            case .organizations: result = try await writeOrganizations(plan, decisions: decisions, by: actor, now: now, on: tx, progress: progress)
            case .positions, .engagements: result = try await writeEach(plan, by: actor, now: now, on: tx, progress: progress).result
            }
            try await Imports.recordImport(plan.kind, fileName: fileName, result: result, by: actor, at: now, on: tx)
            return result
        }
    }

    /// Checks a file and, when it is clean and every suggested duplicate is decided, writes it in one
    /// transaction, as `check` and `write` would one after the other (the command line, which knows its
    /// decisions before the check). For people, each checked batch is written while the next is checked:
    /// a problem or an undecided duplicate found later rolls all of it back, so nothing is written unless
    /// the whole file is clean. Returns the plan, and what was written if it was.
    public func checkAndWrite(_ kind: ImportKind, table: CSVReader.Table, mapping: ImportMapping, decisions: ImportDecisions, fileName: String,
                              by actor: Actor, now: Date = Date(), progress: @escaping Progress = { _, _ in }) async throws -> (plan: ImportPlan, result: ImportResult?) {
        guard kind == .people, mapping.problems(kind: kind).isEmpty else {
            let plan = try await check(kind, table: table, mapping: mapping, by: actor)
            guard plan.isReady(decisions) else { return (plan, nil) }
            return (plan, try await write(plan, decisions: decisions, fileName: fileName, by: actor, now: now, progress: progress))
        }
        try actor.require(.writeRecords)
        struct NotReady: Error { let plan: ImportPlan }
        do {
            return try await database.transaction { tx in
                let writer = PeopleImport(database: tx, language: language)
                let rows = ImportRows(table: table, mapping: mapping)
                let total = rows.rows.count
                let (batches, continuation) = AsyncStream.makeStream(of: [PeopleImport.NewRow].self)
                defer { continuation.finish() }
                return try await withThrowingTaskGroup(of: [Int: UUID].self) { group in
                    group.addTask { try await writer.writeNew(batches, total: total, by: actor, now: now, progress: progress) }
                    var suggested = Set<Int>()
                    var writing = true
                    let plan = try await Imports(database: tx, language: language, timeZone: timeZone).checkPeople(rows, by: actor) { plan, items in
                        guard writing else { return }
                        // Once anything stops the import, nothing more goes to the writer; it is all rolled back.
                        guard plan.isReady(decisions) else {
                            writing = false
                            continuation.finish()
                            return
                        }
                        for suggestion in plan.suggestions.reversed() {
                            guard suggested.insert(suggestion.row).inserted else { break }
                        }
                        continuation.yield(PeopleImport.newRows(plan.items[items], plan: plan, suggested: suggested, decisions: decisions))
                    }
                    continuation.finish()
                    let created = try await group.next() ?? [:]
                    guard plan.isReady(decisions) else { throw NotReady(plan: plan) }
                    let merged = try await writer.settleMerges(plan, decisions: decisions, created: created, by: actor, now: now)
                    progress(total, total)
                    let result = ImportResult(created: created.count, merged: merged)
                    try await Imports.recordImport(.people, fileName: fileName, result: result, by: actor, at: now, on: tx)
                    return (plan, result)
                }
            }
        } catch let notReady as NotReady {
            return (notReady.plan, nil)
        }
    }

    /// The import's own entry in the audit trail, beside each record's.
    static func recordImport(_ kind: ImportKind, fileName: String, result: ImportResult, by actor: Actor, at now: Date, on tx: any Database) async throws {
        try await AuditTrail.record(.create, by: actor, recordType: "import", recordID: nil, recordLabel: "\(kind.rawValue): \(fileName)",
                                    changes: [FieldChange(field: "created", from: nil, to: String(result.created)),
                                              FieldChange(field: "merged", from: nil, to: String(result.merged))], at: now, on: tx)
    }

    // MARK: People

    /// `checked` is told, every batch of rows, the plan so far and which of its items the batch added.
    func checkPeople(_ rows: ImportRows, by actor: Actor,
                     checked: (ImportPlan, Range<Int>) async throws -> Void = { _, _ in }) async throws -> ImportPlan {
        let references = try await ImportReferences.load(.people, by: actor, on: database)
        let (index, names) = try await ImportReferences.duplicateIndex(.people, by: actor, on: database)
        let localizer = Localizer(language: language)
        var suggester = DuplicateSuggester(kept: index, keptNames: names)
        var plan = ImportPlan(kind: .people, rowCount: 0, problems: [], suggestions: [], items: [])
        var reported = 0
        for row in rows.rows {
            plan.rowCount += 1
            var problems: [ImportProblem] = []
            var input = PersonInput(name: rows.cell(row, "name") ?? "")
            input.otherNames = SpreadsheetCell.list(rows.cell(row, "otherNames") ?? "")
            input.honorific = rows.cell(row, "honorific")
            input.gender = rows.choice(row, "gender", keys: Gender.allCases.map(\.rawValue), label: { localizer("gender.\($0)") }, problems: &problems)
            input.communityID = rows.reference(row, "community", in: references.communities, references: references, unknown: "import.unknownCommunity", problems: &problems)
            input.placeID = rows.reference(row, "place", in: references.places, references: references, unknown: "import.unknownPlace", problems: &problems)
            input.languages = SpreadsheetCell.list(rows.cell(row, "languages") ?? "", commas: true)
            input.emails = SpreadsheetCell.list(rows.cell(row, "emails") ?? "", commas: true)
            input.phones = SpreadsheetCell.list(rows.cell(row, "phones") ?? "", commas: true)
            input.notes = rows.cell(row, "notes")
            if let text = rows.cell(row, "sensitivity") {
                input.sensitivity = SpreadsheetCell.isYes(text) ? Sensitivity.restricted.rawValue
                    : rows.choice(row, "sensitivity", keys: Sensitivity.allCases.map(\.rawValue), label: { localizer("sensitivity.\($0)") }, problems: &problems)
                    ?? Sensitivity.normal.rawValue
            }
            if input.sensitivity == Sensitivity.restricted.rawValue, !actor.can(.writeRestricted) {
                problems.append(rows.problem(row, "sensitivity", "sensitivity.notAllowed"))
            }
            do { plan.validPeople[row.number] = try input.validated() } catch let .invalid(issues) { problems += rows.problems(row, issues) } catch {}
            plan.problems += problems
            if let suggestion = suggester.suggestion(row: row.number, name: input.name, otherNames: input.otherNames) {
                plan.suggestions.append(suggestion)
            }
            plan.items.append(.person(row: row.number, input))
            if plan.items.count - reported == PeopleImport.batchSize {
                try await checked(plan, reported..<plan.items.count)
                reported = plan.items.count
            }
        }
        if plan.items.count > reported { try await checked(plan, reported..<plan.items.count) }
        return plan
    }

    // MARK: Organisations

    func checkOrganizations(_ rows: ImportRows, by actor: Actor) async throws -> ImportPlan {
        let references = try await ImportReferences.load(.organizations, by: actor, on: database)
        let (index, names) = try await ImportReferences.duplicateIndex(.organizations, by: actor, on: database)
        let localizer = Localizer(language: language)
        var suggester = DuplicateSuggester(kept: index, keptNames: names)
        var earlier = Set<String>()
        var plan = ImportPlan(kind: .organizations, rowCount: 0, problems: [], suggestions: [], items: [])
        for row in rows.rows {
            plan.rowCount += 1
            var problems: [ImportProblem] = []
            var input = OrganizationInput(name: rows.cell(row, "name") ?? "")
            input.otherNames = SpreadsheetCell.list(rows.cell(row, "otherNames") ?? "")
            if rows.cell(row, "kind") != nil {
                input.kind = rows.choice(row, "kind", keys: OrganizationKind.allCases.map(\.rawValue), label: { localizer("kind.\($0)") }, problems: &problems)
                    ?? OrganizationKind.other.rawValue
            }
            input.level = rows.choice(row, "level", keys: GovernanceLevel.allCases.map(\.rawValue), label: { localizer("level.\($0)") }, problems: &problems)
            input.placeID = rows.reference(row, "place", in: references.places, references: references, unknown: "import.unknownPlace", problems: &problems)
            input.website = rows.cell(row, "website")
            input.notes = rows.cell(row, "notes")
            // A parent may be an organisation already kept or one further up the same file.
            let parentName = rows.cell(row, "parent")
            if let parentName, !earlier.contains(ImportReferences.key(parentName)) {
                input.parentID = rows.reference(row, "parent", in: references.organizations, references: references, unknown: "import.unknownOrganization", problems: &problems)
            }
            do {
                _ = try await Organizations(database: database).validate(input, existing: nil, by: actor, on: database)
            } catch let DomainError.invalid(issues) {
                problems += rows.problems(row, issues, fields: ["parentID": "parent", "placeID": "place"])
            }
            plan.problems += problems
            if let suggestion = suggester.suggestion(row: row.number, name: input.name, otherNames: input.otherNames) {
                plan.suggestions.append(suggestion)
            }
            if !input.name.isEmpty { for name in [input.name] + input.otherNames { earlier.insert(ImportReferences.key(name)) } }
            plan.items.append(.organization(row: row.number, input, parentName: input.parentID == nil ? parentName : nil))
        }
        return plan
    }

    func writeOrganizations(_ plan: ImportPlan, decisions: ImportDecisions, by actor: Actor, now: Date, on tx: any Database,
                            progress: Progress) async throws -> ImportResult {
        let organizations = Organizations(database: tx)
        let suggestions = Dictionary(plan.suggestions.map { ($0.row, $0) }, uniquingKeysWith: { first, _ in first })
        var idOfRow: [Int: UUID] = [:]
        var createdByName: [String: UUID] = [:]
        var result = ImportResult(created: 0, merged: 0)
        for (done, item) in plan.items.enumerated() {
            guard case .organization(let row, var input, let parentName) = item else { continue }
            if let parentName { input.parentID = createdByName[ImportReferences.key(parentName)] }
            let target: UUID?
            if let suggestion = suggestions[row], decisions.decision(for: row) == .merge {
                target = suggestion.existing?.id ?? suggestion.earlierRow.flatMap { idOfRow[$0] }
            } else {
                target = nil
            }
            let id: UUID
            if let target {
                let current = try await organizations.get(target, by: actor)
                let merged = OrganizationInput(current).absorbing(input)
                id = try await organizations.update(target, merged, expectedVersion: current.version, by: actor, now: now).id
                result.merged += 1
            } else {
                id = try await organizations.create(input, by: actor, now: now).id
                result.created += 1
            }
            idOfRow[row] = id
            for name in [input.name] + input.otherNames { createdByName[ImportReferences.key(name)] = id }
            if done % 100 == 99 { progress(done + 1, plan.items.count) }
        }
        progress(plan.items.count, plan.items.count)
        return result
    }

    // MARK: Positions

    func checkPositions(_ rows: ImportRows, by actor: Actor) async throws -> ImportPlan {
        let references = try await ImportReferences.load(.positions, by: actor, on: database)
        var plan = ImportPlan(kind: .positions, rowCount: 0, problems: [], suggestions: [], items: [])
        for row in rows.rows {
            plan.rowCount += 1
            var problems: [ImportProblem] = []
            let person = rows.reference(row, "person", in: references.people, references: references, unknown: "import.unknownPerson", problems: &problems)
            let organization = rows.reference(row, "organization", in: references.organizations, references: references,
                                              unknown: "import.unknownOrganization", problems: &problems)
            let startsOn = rows.day(row, "startsOn", problems: &problems)
            let endsOn = rows.day(row, "endsOn", problems: &problems)
            plan.problems += problems
            guard problems.isEmpty, let person, let organization else { continue }
            plan.items.append(.position(row: row.number, PositionInput(personID: person, organizationID: organization, title: rows.cell(row, "title") ?? "",
                                                                       startsOn: startsOn, endsOn: endsOn)))
        }
        plan.problems += try await trial(plan, rows: rows, by: actor)
        return plan
    }

    // MARK: Engagements

    func checkEngagements(_ rows: ImportRows, by actor: Actor) async throws -> ImportPlan {
        let references = try await ImportReferences.load(.engagements, by: actor, on: database)
        let kinds = try await EngagementKinds(database: database).all()
        let localizer = Localizer(language: language)
        var plan = ImportPlan(kind: .engagements, rowCount: 0, problems: [], suggestions: [], items: [])
        for row in rows.rows {
            plan.rowCount += 1
            var problems: [ImportProblem] = []
            let kind = rows.choice(row, "kind", keys: kinds.map(\.key), label: { key in
                kinds.first { $0.key == key }?.label ?? localizer("engagementKind.\(key)")
            }, problems: &problems)
            let day = rows.day(row, "date", problems: &problems)
            var start = day.map { "\($0)T00:00" } ?? ""
            if let text = rows.cell(row, "time") {
                if let time = SpreadsheetCell.time(text), let day {
                    start = day + "T" + String(format: "%02d:%02d", time.hour, time.minute)
                } else if SpreadsheetCell.time(text) == nil {
                    problems.append(rows.problem(row, "time", "import.badTime", text))
                }
            }
            var input = EngagementInput(kind: kind ?? "", title: rows.cell(row, "title") ?? "", start: start, timeZone: rows.cell(row, "timeZone") ?? timeZone)
            if let text = rows.cell(row, "durationMinutes") {
                if let minutes = Int(text) { input.durationMinutes = minutes } else { problems.append(rows.problem(row, "durationMinutes", "import.notANumber", text)) }
            }
            input.placeID = rows.reference(row, "place", in: references.places, references: references, unknown: "import.unknownPlace", problems: &problems)
            input.venue = rows.cell(row, "venue")
            for name in SpreadsheetCell.list(rows.cell(row, "participants") ?? "") {
                switch references.lookup(references.people, name) {
                case let .found(id): if !input.participants.contains(where: { $0.personID == id }) { input.participants.append(ParticipantInput(personID: id)) }
                case .none: problems.append(rows.problem(row, "participants", "import.unknownPerson", name))
                case let .several(count): problems.append(rows.problem(row, "participants", "import.ambiguous", name, String(count)))
                }
            }
            for name in SpreadsheetCell.list(rows.cell(row, "organizations") ?? "") {
                switch references.lookup(references.organizations, name) {
                case let .found(id): if !input.partnerIDs.contains(id) { input.partnerIDs.append(id) }
                case .none: problems.append(rows.problem(row, "organizations", "import.unknownOrganization", name))
                case let .several(count): problems.append(rows.problem(row, "organizations", "import.ambiguous", name, String(count)))
                }
            }
            input.topics = SpreadsheetCell.list(rows.cell(row, "topics") ?? "", commas: true)
            input.summary = rows.cell(row, "summary")
            input.outcomes = rows.cell(row, "outcomes")
            input.decisions = rows.cell(row, "decisions")
            if rows.cell(row, "confidentiality") != nil {
                input.confidentiality = rows.choice(row, "confidentiality", keys: Confidentiality.allCases.map(\.rawValue),
                                                    label: { localizer("confidentiality.\($0)") }, problems: &problems) ?? input.confidentiality
            }
            if rows.cell(row, "kind") == nil { problems.append(rows.problem(row, "kind", "field.required")) }
            if rows.cell(row, "date") == nil { problems.append(rows.problem(row, "date", "field.required")) }
            // Kind and start are checked above, in the file's terms; the rest is the use case's to check.
            problems += rows.problems(row, input.problems.filter { $0.field != "kind" && $0.field != "start" },
                                      fields: ["start": "date", "placeID": "place", "partnerIDs": "organizations", "hostIDs": "organizations"])
            plan.problems += problems
            if problems.isEmpty { plan.items.append(.engagement(row: row.number, input)) }
        }
        if plan.problems.isEmpty { plan.problems += try await trial(plan, rows: rows, by: actor) }
        return plan
    }

    // MARK: Row by row, through the use cases

    /// Checks what only writing can check (references, who may do what) by writing every row through the
    /// use cases in a transaction that is always rolled back.
    func trial(_ plan: ImportPlan, rows: ImportRows, by actor: Actor) async throws -> [ImportProblem] {
        let byNumber = Dictionary(rows.rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        struct Found: Error { var issues: [(Int, [FieldIssue])] }
        var issues: [(Int, [FieldIssue])] = []
        do {
            try await database.transaction { tx in
                let outcome = try await writeEach(plan, by: actor, now: Date(), on: tx, progress: { _, _ in }, collecting: true)
                throw Found(issues: outcome.issues)
            }
        } catch let found as Found {
            issues = found.issues
        }
        return issues.compactMap { row, issues in
            byNumber[row].map { rows.problems($0, issues, fields: ["personID": "person", "organizationID": "organization", "start": "date",
                                                                   "placeID": "place", "partnerIDs": "organizations", "participants": "participants"]) }
        }.flatMap { $0 }.sorted { $0.row < $1.row }
    }

    /// Writes positions or engagements one by one through their use cases; when `collecting`, a row's
    /// invalid input is noted and the next row tried, else it stops the import.
    func writeEach(_ plan: ImportPlan, by actor: Actor, now: Date, on tx: any Database, progress: Progress,
                   collecting: Bool = false) async throws -> (result: ImportResult, issues: [(Int, [FieldIssue])]) {
        var result = ImportResult(created: 0, merged: 0)
        var issues: [(Int, [FieldIssue])] = []
        for (done, item) in plan.items.enumerated() {
            do {
                switch item {
                case let .position(_, input): _ = try await Positions(database: tx).create(input, by: actor, now: now)
                case let .engagement(_, input): _ = try await Engagements(database: tx, language: language).create(input, by: actor, now: now)
                default: continue
                }
                result.created += 1
            } catch let DomainError.invalid(found) where collecting {
                issues.append((item.row, found))
            }
            if done % 100 == 99 { progress(done + 1, plan.items.count) }
        }
        progress(plan.items.count, plan.items.count)
        return (result, issues)
    }

    // MARK: File problems

    static func fileProblemKey(_ problem: CSVReader.Problem) -> String {
        switch problem {
        case .notUTF8: return "import.notUTF8"
        case .empty: return "import.empty"
        case .unclosedQuote: return "import.unclosedQuote"
        case .quoteInsideCell: return "import.quoteInsideCell"
        case .tooManyRows: return "import.tooManyRows"
        }
    }

    static func fileProblemArgument(_ problem: CSVReader.Problem) -> String {
        switch problem {
        case let .notUTF8(line), let .unclosedQuote(line), let .quoteInsideCell(line): return String(line)
        case .empty: return ""
        case let .tooManyRows(limit): return String(limit)
        }
    }
}
