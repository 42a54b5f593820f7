import Domain
import FluentKit
import Foundation
import Storage

/// The spring of 2023 in northern Kosovo, as the seed's visits met it: the Serb-majority north boycotted
/// the April local elections, and in late May protests against the new mayors turned into clashes with
/// KFOR in Zvečan. Public facts, from public sources; one restricted entry shows how a sensitive report is kept.
struct DemoContext {
    let database: any Database
    let actor = Actor.commandLine

    func alreadyLoaded() async throws -> Bool {
        try await ContextEventModel.query(on: database).count() > 0
    }

    func load(now: Date) async throws {
        let place = try await DemoNames(database: database).places()
        let north = ["North Mitrovica", "Zvečan", "Zubin Potok", "Leposavić"].compactMap(place)
        let events = ContextEvents(database: database)

        for input in [
            event(.boycott, .high, "Boycott of the local elections in the four northern municipalities", from: "2023-04-23", places: north,
                  source: "https://www.osce.org/mission-in-kosovo",
                  "Kosovo Serb parties called on voters to stay away from the early local elections in North Mitrovica, Zvečan, "
                      + "Zubin Potok and Leposavić; turnout was about 3.5 %, and Albanian mayors were elected with a few hundred votes."),
            event(.protest, .high, "Protests at the municipal buildings as the new mayors take office", from: "2023-05-26", to: "2023-05-28",
                  places: north,
                  "Residents gathered outside the municipal buildings to stop the newly elected mayors from entering; Kosovo Police "
                      + "escorted the mayors in."),
            event(.clash, .critical, "Clashes between KFOR and protesters in Zvečan", from: "2023-05-29", places: [place("Zvečan")].compactMap { $0 },
                  source: "https://jfcnaples.nato.int/kfor",
                  "Protesters and KFOR troops guarding the municipal building clashed; dozens of peacekeepers and protesters were injured. "
                      + "Field visits to the north were put on hold."),
            event(.securityIncident, .moderate, "Partner warned of threats against youth workers who attend mixed meetings", from: "2023-06-05",
                  places: [place("North Mitrovica")].compactMap { $0 }, confidentiality: .restricted,
                  "Reported in confidence by a partner organisation; do not share beyond the team."),
        ] {
            _ = try await events.create(input, by: actor, now: now)
        }
    }

    /// An event as the news (or, restricted, a partner) told it.
    private func event(_ kind: ContextEventKind, _ severity: Severity, _ title: String, from: String, to: String? = nil, places: [UUID],
                       source: String? = nil, confidentiality: Confidentiality = .public, _ description: String) -> ContextEventInput {
        var input = ContextEventInput(title: title, kind: kind.rawValue, severity: severity.rawValue, startsOn: from)
        input.endsOn = to
        input.description = description
        input.sourceURL = source
        input.confidentiality = confidentiality.rawValue
        input.placeIDs = places
        return input
    }
}
