import Domain
import Features
import Foundation
import VaporTesting
@testable import Web

/// A small registry for tests: a place, a community, two organisations (one inside the other), and
/// people — one of them restricted — with positions.
struct RegistryFixture {
    var pristina: UUID
    var mitrovica: UUID
    var serb: UUID
    var government: UUID
    var dpmOffice: UUID
    var redzepi: UUID
    var hamza: UUID
    var hidden: UUID
    var hiddenPosition: UUID

    static func make(_ app: Application) async throws -> RegistryFixture {
        let actor = Actor.commandLine
        let places = Places(database: app.db)
        let kosovo = try await places.create(PlaceInput(kind: "country", names: ["en": "Kosovo", "sq": "Kosova", "sr-Cyrl": "Косово"]), by: actor)
        let pristina = try await places.create(PlaceInput(kind: "municipality", parentID: kosovo.id, names: ["en": "Pristina", "sq": "Prishtinë", "sr-Latn": "Priština", "sr-Cyrl": "Приштина"]), by: actor)
        let mitrovica = try await places.create(PlaceInput(kind: "municipality", parentID: kosovo.id, names: ["en": "Mitrovica South", "sq": "Mitrovicë e Jugut", "sr-Cyrl": "Јужна Митровица"]), by: actor)
        let serb = try await Communities(database: app.db).create(CommunityInput(name: "Serb", status: "non_majority", regionID: kosovo.id), by: actor)
        var government = OrganizationInput(name: "Government of Kosovo")
        government.kind = "government"
        government.level = "national"
        let gov = try await Organizations(database: app.db).create(government, by: actor)
        var office = OrganizationInput(name: "Office of the Deputy Prime Minister for Minority Issues and Human Rights")
        office.kind = "government"
        office.level = "ministerial"
        office.parentID = gov.id
        office.placeID = pristina.id
        let dpm = try await Organizations(database: app.db).create(office, by: actor)
        let people = People(database: app.db)
        var redzepi = PersonInput(name: "Emilija Redžepi")
        redzepi.otherNames = ["Емилија Реџепи"]
        redzepi.placeID = pristina.id
        let emilija = try await people.create(redzepi, by: actor)
        var hamzaInput = PersonInput(name: "Bedri Hamza")
        hamzaInput.placeID = mitrovica.id
        let hamza = try await people.create(hamzaInput, by: actor)
        var hiddenInput = PersonInput(name: "Miloš Jovanović")
        hiddenInput.otherNames = ["Милош Јовановић"]
        hiddenInput.sensitivity = "restricted"
        hiddenInput.communityID = serb.id
        hiddenInput.placeID = pristina.id
        let hidden = try await people.create(hiddenInput, by: actor)
        let positions = Positions(database: app.db)
        _ = try await positions.create(PositionInput(personID: emilija.id, organizationID: dpm.id, title: "Deputy Prime Minister for Minority Issues and Human Rights", startsOn: "2021-03-22"), by: actor)
        let hiddenPosition = try await positions.create(PositionInput(personID: hidden.id, organizationID: dpm.id, title: "Advisor", startsOn: "2022-01-01"), by: actor)
        return RegistryFixture(pristina: pristina.id, mitrovica: mitrovica.id, serb: serb.id, government: gov.id, dpmOffice: dpm.id,
                               redzepi: emilija.id, hamza: hamza.id, hidden: hidden.id, hiddenPosition: hiddenPosition.id)
    }
}

extension Application {
    func api(_ method: HTTPMethod, _ path: String, token: String, json: String? = nil, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        headers.add(name: .authorization, value: "Bearer \(token)")
        if json != nil { headers.contentType = .json }
        return try await testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}
