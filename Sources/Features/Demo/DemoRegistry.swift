import Domain
import FluentKit
import Foundation
import Storage

/// The seed's cast in the registry: the delegation and its organisation, the Deputy Prime Minister,
/// the Mayor of Mitrovica South, Community Building Mitrovica, UNMIK, the Council of Europe and its Office
/// in Pristina; the places in Albanian, Serbian (both scripts) and English; Kosovo's communities.
/// Everything goes through the same use cases as the pages, so it is all in the audit trail.
struct DemoRegistry {
    let database: any Database
    let actor = Actor.commandLine

    static let marker = "International Community Organisation"

    func alreadyLoaded() async throws -> Bool {
        try await OrganizationModel.query(on: database).filter(\.$name == Self.marker).count() > 0
    }

    /// The places and communities of a registry loaded earlier, by the keys `load` uses.
    func lookup() async throws -> Cast {
        if !(try await alreadyLoaded()) { return try await load() }
        var cast = Cast()
        let english = ["kosovo": "Kosovo", "pristina": "Pristina", "gracanica": "Gračanica", "mitrovica-south": "Mitrovica South",
                       "mitrovica-north": "North Mitrovica", "zvecan": "Zvečan", "zubin-potok": "Zubin Potok", "leposavic": "Leposavić", "vushtrri": "Vushtrri"]
        for (key, name) in english {
            cast.places[key] = try await PlaceModel.query(on: database).filter(\.$sortName == NameFolding.fold(name)).first()?.id
        }
        for community in try await CommunityModel.query(on: database).all() { cast.communities[community.name] = community.id }
        return cast
    }

    struct Cast {
        var places: [String: UUID] = [:]
        var communities: [String: UUID] = [:]
        var organizations: [String: UUID] = [:]
        var people: [String: UUID] = [:]
    }

    func load() async throws -> Cast {
        var cast = Cast()
        let places = Places(database: database)
        func place(_ key: String, _ kind: PlaceKind, _ parent: String?, _ names: [String: String], _ lat: Double? = nil, _ lon: Double? = nil) async throws {
            let record = try await places.create(PlaceInput(kind: kind.rawValue, parentID: parent.flatMap { cast.places[$0] }, names: names, latitude: lat, longitude: lon), by: actor)
            cast.places[key] = record.id
        }
        try await place("kosovo", .country, nil, ["sq": "Kosova", "sr-Latn": "Kosovo", "sr-Cyrl": "Косово", "en": "Kosovo"])
        try await place("region-prishtina", .region, "kosovo", ["sq": "Rajoni i Prishtinës", "sr-Latn": "Prištinski okrug", "sr-Cyrl": "Приштински округ", "en": "Pristina region"])
        try await place("region-mitrovica", .region, "kosovo", ["sq": "Rajoni i Mitrovicës", "sr-Latn": "Kosovskomitrovački okrug", "sr-Cyrl": "Косовскомитровачки округ", "en": "Mitrovica region"])
        try await place("pristina", .municipality, "region-prishtina", ["sq": "Prishtinë", "sr-Latn": "Priština", "sr-Cyrl": "Приштина", "en": "Pristina"], 42.6629, 21.1655)
        try await place("gracanica", .municipality, "region-prishtina", ["sq": "Graçanicë", "sr-Latn": "Gračanica", "sr-Cyrl": "Грачаница", "en": "Gračanica"], 42.6003, 21.1942)
        try await place("mitrovica-south", .municipality, "region-mitrovica", ["sq": "Mitrovicë e Jugut", "sr-Latn": "Južna Mitrovica", "sr-Cyrl": "Јужна Митровица", "en": "Mitrovica South"], 42.8833, 20.8667)
        try await place("mitrovica-north", .municipality, "region-mitrovica", ["sq": "Mitrovicë e Veriut", "sr-Latn": "Severna Mitrovica", "sr-Cyrl": "Северна Митровица", "en": "North Mitrovica"], 42.8914, 20.8660)
        try await place("zvecan", .municipality, "region-mitrovica", ["sq": "Zveçan", "sr-Latn": "Zvečan", "sr-Cyrl": "Звечан", "en": "Zvečan"], 42.9075, 20.8406)
        try await place("zubin-potok", .municipality, "region-mitrovica", ["sq": "Zubin Potok", "sr-Latn": "Zubin Potok", "sr-Cyrl": "Зубин Поток", "en": "Zubin Potok"], 42.9144, 20.6897)
        try await place("leposavic", .municipality, "region-mitrovica", ["sq": "Leposaviq", "sr-Latn": "Leposavić", "sr-Cyrl": "Лепосавић", "en": "Leposavić"], 43.1039, 20.8028)
        try await place("vushtrri", .municipality, "region-mitrovica", ["sq": "Vushtrri", "sr-Latn": "Vučitrn", "sr-Cyrl": "Вучитрн", "en": "Vushtrri"], 42.8231, 20.9675)
        try await place("france", .country, nil, ["fr": "France", "en": "France", "sq": "Franca", "sr-Latn": "Francuska", "sr-Cyrl": "Француска"])
        try await place("strasbourg", .settlement, "france", ["fr": "Strasbourg", "en": "Strasbourg", "sq": "Strasburg", "sr-Latn": "Strazbur", "sr-Cyrl": "Стразбур"], 48.5734, 7.7521)

        let communities = Communities(database: database)
        let kosovo = cast.places["kosovo"]
        for (name, status) in [("Albanian", CommunityStatus.majority), ("Serb", .nonMajority), ("Bosniak", .nonMajority), ("Turkish", .nonMajority),
                               ("Roma", .nonMajority), ("Ashkali", .nonMajority), ("Egyptian", .nonMajority), ("Gorani", .nonMajority)] {
            cast.communities[name] = try await communities.create(CommunityInput(name: name, status: status.rawValue, regionID: kosovo), by: actor).id
        }

        let organizations = Organizations(database: database)
        func organization(_ key: String, _ name: String, _ other: [String], _ kind: OrganizationKind, _ level: GovernanceLevel?, parent: String? = nil,
                          place: String? = nil, website: String? = nil, notes: String? = nil) async throws {
            var input = OrganizationInput(name: name)
            input.otherNames = other
            input.kind = kind.rawValue
            input.level = level?.rawValue
            input.parentID = parent.flatMap { cast.organizations[$0] }
            input.placeID = place.flatMap { cast.places[$0] }
            input.website = website
            input.notes = notes
            cast.organizations[key] = try await organizations.create(input, by: actor).id
        }
        try await organization("ico", Self.marker, ["ICO"], .internationalOrganization, .international,
                               notes: "Our organisation: strategic policy development for equality, diversity and inclusion.")
        try await organization("government", "Government of Kosovo", ["Qeveria e Kosovës", "Vlada Kosova", "Влада Косова"], .government, .national, place: "pristina")
        try await organization("dpm-office", "Office of the Deputy Prime Minister for Minority Issues and Human Rights",
                               ["Zyra e Zëvendëskryeministres për Çështje të Pakicave dhe të Drejta të Njeriut"], .government, .ministerial,
                               parent: "government", place: "pristina")
        try await organization("ministry-finance", "Ministry of Finance", ["Ministria e Financave", "Ministarstvo finansija"], .ministry, .ministerial,
                               parent: "government", place: "pristina")
        try await organization("mitrovica-south", "Municipality of Mitrovica South", ["Komuna e Mitrovicës së Jugut", "Opština Južna Mitrovica"],
                               .municipality, .municipal, place: "mitrovica-south")
        try await organization("mitrovica-north", "Municipality of North Mitrovica", ["Komuna e Mitrovicës së Veriut", "Општина Северна Митровица"],
                               .municipality, .municipal, place: "mitrovica-north")
        try await organization("cbm", "Community Building Mitrovica", ["CBM"], .ngo, .grassroots, place: "mitrovica-north",
                               website: "https://cbmitrovica.example")
        try await organization("unmik", "United Nations Interim Administration Mission in Kosovo", ["UNMIK", "UN Mission in Kosovo"],
                               .internationalOrganization, .international, place: "pristina")
        try await organization("coe", "Council of Europe", ["CoE", "Conseil de l'Europe"], .internationalOrganization, .international, place: "strasbourg")
        try await organization("coe-pristina", "Council of Europe Office in Pristina", ["CoE Office in Pristina"], .internationalOrganization, .international,
                               parent: "coe", place: "pristina")
        try await organization("kfor", "Kosovo Force", ["KFOR"], .internationalOrganization, .international, place: "pristina",
                               notes: "NATO-led peacekeeping force.")

        let people = People(database: database)
        func person(_ key: String, _ name: String, other: [String] = [], honorific: String? = nil, gender: Gender? = nil, community: String? = nil,
                    place: String? = nil, languages: [String] = [], emails: [String] = [], basis: LawfulBasis = .publicRole,
                    named: ConsentAnswer = .yes, quoted: ConsentAnswer = .yes, photographed: ConsentAnswer = .yes,
                    sensitivity: Sensitivity = .normal, notes: String? = nil, obtained: String? = nil, method: String? = nil) async throws {
            var input = PersonInput(name: name)
            input.otherNames = other
            input.honorific = honorific
            input.gender = gender?.rawValue
            input.communityID = community.flatMap { cast.communities[$0] }
            input.placeID = place.flatMap { cast.places[$0] }
            input.languages = languages
            input.emails = emails
            input.lawfulBasis = basis.rawValue
            input.consent = [.stored: ConsentAnswer.yes.rawValue, .namedPublicly: named.rawValue, .quoted: quoted.rawValue, .photographed: photographed.rawValue]
            input.sensitivity = sensitivity.rawValue
            input.notes = notes
            input.consentObtainedOn = obtained
            input.consentMethod = method
            cast.people[key] = try await people.create(input, by: actor).id
        }
        try await person("holmes", "James Holmes", honorific: "Mr.", gender: .man, languages: ["en"], emails: ["james.holmes@ico.example"],
                         basis: .contract, obtained: "2023-01-10", method: "Staff agreement")
        try await person("kalkandelen", "Kübra Kalkandelen", other: ["Kubra Kalkandelen"], honorific: "Ms.", gender: .woman, languages: ["tr", "en"],
                         emails: ["kubra.kalkandelen@ico.example"], basis: .contract, obtained: "2023-01-10", method: "Staff agreement")
        try await person("redzepi", "Emilija Redžepi", other: ["Емилија Реџепи", "Emilija Redzepi"], honorific: "Ms.", gender: .woman,
                         community: "Bosniak", place: "pristina", languages: ["bs", "sr-Latn", "sq", "en"], basis: .publicRole,
                         photographed: .yes, obtained: "2023-08-07", method: "Agreed at the meeting in Pristina")
        try await person("hamza", "Bedri Hamza", other: ["Бедри Хамза"], honorific: "Mr.", gender: .man, community: "Albanian", place: "mitrovica-south",
                         languages: ["sq", "en"], basis: .publicRole, quoted: .unknown, photographed: .unknown, obtained: "2023-08-08",
                         method: "Asked in person at the meeting")
        try await person("power", "Frank Power", honorific: "Mr.", gender: .man, place: "pristina", languages: ["en", "fr"], basis: .publicRole,
                         quoted: .no, photographed: .yes, obtained: "2023-08-10", method: "By email")
        try await person("unmik-officer", "Ana Marković", other: ["Ана Марковић"], honorific: "Ms.", gender: .woman, community: "Serb",
                         place: "pristina", languages: ["sr-Cyrl", "sr-Latn", "en"], basis: .publicRole, quoted: .no, photographed: .no)
        try await person("cbm-director", "Valdete Idrizi", honorific: "Ms.", gender: .woman, community: "Albanian", place: "mitrovica-north",
                         languages: ["sq", "sr-Latn", "en"], basis: .legitimateInterest)
        try await person("councillor", "Miloš Jovanović", other: ["Милош Јовановић"], gender: .man, community: "Serb", place: "mitrovica-north",
                         languages: ["sr-Cyrl"], basis: .consent, named: .no, quoted: .no, photographed: .no, sensitivity: .restricted,
                         notes: "Asked not to be named: threats after the 2023 boycott.", obtained: "2023-08-09", method: "Verbally, at the consortium")

        let positions = Positions(database: database)
        func position(_ person: String, _ org: String, _ title: String, _ from: String?, _ to: String? = nil) async throws {
            _ = try await positions.create(PositionInput(personID: cast.people[person]!, organizationID: cast.organizations[org]!, title: title, startsOn: from, endsOn: to), by: actor)
        }
        try await position("holmes", "ico", "Secretary General", "2019-04-01")
        try await position("kalkandelen", "ico", "Programme Manager", "2018-09-01", "2022-06-30")
        try await position("kalkandelen", "ico", "Associate Director", "2022-07-01")
        try await position("redzepi", "dpm-office", "Deputy Prime Minister for Minority Issues and Human Rights", "2021-03-22")
        try await position("hamza", "ministry-finance", "Minister of Finance", "2020-06-03", "2021-03-22")
        try await position("hamza", "mitrovica-south", "Mayor of Mitrovica South", "2021-11-29")
        try await position("power", "coe-pristina", "Head of the Council of Europe Office in Pristina", "2022-09-01")
        try await position("unmik-officer", "unmik", "Political Affairs Officer", "2020-01-15")
        try await position("cbm-director", "cbm", "Executive Director", "2010-05-01")
        try await position("councillor", "mitrovica-north", "Municipal councillor", "2021-11-29", "2023-04-23")
        return cast
    }
}
