import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Checking a file of engagements with their participants, named as people already kept.
extension Imports {
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
}
