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

        var boycott = ContextEventInput(title: "Boycott of the local elections in the four northern municipalities", kind: ContextEventKind.boycott.rawValue,
                                        severity: Severity.high.rawValue, startsOn: "2023-04-23")
        boycott.description = "Kosovo Serb parties called on voters to stay away from the early local elections in North Mitrovica, Zvečan, "
            + "Zubin Potok and Leposavić; turnout was about 3.5 %, and Albanian mayors were elected with a few hundred votes."
        boycott.sourceURL = "https://www.osce.org/mission-in-kosovo"
        boycott.confidentiality = Confidentiality.public.rawValue
        boycott.placeIDs = north
        _ = try await events.create(boycott, by: actor, now: now)

        var protests = ContextEventInput(title: "Protests at the municipal buildings as the new mayors take office", kind: ContextEventKind.protest.rawValue,
                                         severity: Severity.high.rawValue, startsOn: "2023-05-26")
        protests.endsOn = "2023-05-28"
        protests.description = "Residents gathered outside the municipal buildings to stop the newly elected mayors from entering; Kosovo Police "
            + "escorted the mayors in."
        protests.confidentiality = Confidentiality.public.rawValue
        protests.placeIDs = north
        _ = try await events.create(protests, by: actor, now: now)

        var clashes = ContextEventInput(title: "Clashes between KFOR and protesters in Zvečan", kind: ContextEventKind.clash.rawValue,
                                        severity: Severity.critical.rawValue, startsOn: "2023-05-29")
        clashes.description = "Protesters and KFOR troops guarding the municipal building clashed; dozens of peacekeepers and protesters were injured. "
            + "Field visits to the north were put on hold."
        clashes.sourceURL = "https://jfcnaples.nato.int/kfor"
        clashes.confidentiality = Confidentiality.public.rawValue
        clashes.placeIDs = [place("Zvečan")].compactMap { $0 }
        _ = try await events.create(clashes, by: actor, now: now)

        var warning = ContextEventInput(title: "Partner warned of threats against youth workers who attend mixed meetings", kind: ContextEventKind.securityIncident.rawValue,
                                        severity: Severity.moderate.rawValue, startsOn: "2023-06-05")
        warning.description = "Reported in confidence by a partner organisation; do not share beyond the team."
        warning.confidentiality = Confidentiality.restricted.rawValue
        warning.placeIDs = [place("North Mitrovica")].compactMap { $0 }
        _ = try await events.create(warning, by: actor, now: now)
    }
}
