import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Checking a file of people (writing them is `PeopleImport`).
extension Imports {
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
}
