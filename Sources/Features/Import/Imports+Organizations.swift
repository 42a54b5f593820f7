import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Checking and writing a file of organisations, parents before their children.
extension Imports {
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
}
