import Domain
import FluentKit
import Foundation
import Storage

/// Who else works in the north, as the delegation heard it in August 2023: UNMIK's community-dialogue work
/// and the Council of Europe Office's support to municipalities.
struct DemoCoordination {
    let database: any Database
    let actor = Actor.commandLine

    func alreadyLoaded() async throws -> Bool {
        try await CoordinationActivityModel.query(on: database).count() > 0
    }

    func load(now: Date) async throws {
        let names = DemoNames(database: database)
        let orgs = try await names.organizations()
        let people = try await names.people()
        let place = try await names.places()
        let coordination = Coordination(database: database)

        let unmik = orgs["United Nations Interim Administration Mission in Kosovo"]
        for input in [
            activity(unmik, "Inter-community dialogue", from: "2023-01-01", to: "2023-12-31",
                     places: ["North Mitrovica", "Mitrovica South", "Zvečan"].compactMap(place), contact: people["Ana Marković"],
                     "Trust-building grants to youth groups; overlaps with the consortium's forums — share calendars."),
            activity(unmik, "Rule of law", from: "2023-03-01", places: ["North Mitrovica", "Zubin Potok", "Leposavić"].compactMap(place),
                     "Legal aid for property cases; not our field — refer people to them."),
            activity(orgs["Council of Europe Office in Pristina"], "Local self-governance", from: "2022-09-01", to: "2024-08-31",
                     places: ["Mitrovica South", "North Mitrovica", "Pristina"].compactMap(place), contact: people["Frank Power"],
                     "Training for municipal staff on community rights; align with the working group's councillor training, do not duplicate it."),
        ] {
            _ = try await coordination.create(input, by: actor, now: now)
        }
    }

    private func activity(_ organization: UUID?, _ theme: String, from: String, to: String? = nil, places: [UUID], contact: UUID? = nil,
                          _ notes: String) -> CoordinationInput {
        var input = CoordinationInput(organizationID: organization, theme: theme)
        input.startsOn = from
        input.endsOn = to
        input.placeIDs = places
        input.contactPersonID = contact
        input.notes = notes
        return input
    }
}
