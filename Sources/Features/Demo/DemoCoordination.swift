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

        var dialogue = CoordinationInput(organizationID: orgs["United Nations Interim Administration Mission in Kosovo"], theme: "Inter-community dialogue")
        dialogue.startsOn = "2023-01-01"
        dialogue.endsOn = "2023-12-31"
        dialogue.placeIDs = ["North Mitrovica", "Mitrovica South", "Zvečan"].compactMap(place)
        dialogue.contactPersonID = people["Ana Marković"]
        dialogue.notes = "Trust-building grants to youth groups; overlaps with the consortium's forums — share calendars."
        _ = try await coordination.create(dialogue, by: actor, now: now)

        var trust = CoordinationInput(organizationID: orgs["United Nations Interim Administration Mission in Kosovo"], theme: "Rule of law")
        trust.startsOn = "2023-03-01"
        trust.placeIDs = ["North Mitrovica", "Zubin Potok", "Leposavić"].compactMap(place)
        trust.notes = "Legal aid for property cases; not our field — refer people to them."
        _ = try await coordination.create(trust, by: actor, now: now)

        var municipalities = CoordinationInput(organizationID: orgs["Council of Europe Office in Pristina"], theme: "Local self-governance")
        municipalities.startsOn = "2022-09-01"
        municipalities.endsOn = "2024-08-31"
        municipalities.placeIDs = ["Mitrovica South", "North Mitrovica", "Pristina"].compactMap(place)
        municipalities.contactPersonID = people["Frank Power"]
        municipalities.notes = "Training for municipal staff on community rights; align with the working group's councillor training, do not duplicate it."
        _ = try await coordination.create(municipalities, by: actor, now: now)
    }
}
