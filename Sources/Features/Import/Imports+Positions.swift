import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Checking a file of positions: each names a person and an organisation already kept.
extension Imports {
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
}
