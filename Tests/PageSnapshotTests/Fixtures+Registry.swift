import Domain
import Foundation
@testable import Features
@testable import Web

/// People, organisations, places, positions and communities.
extension Fixtures {
    static let redzepi = PersonRecord(
        id: emilija.id, name: emilija.name, otherNames: ["Emilija Redzepi", "Емилија Реџепи"], honorific: "Ms",
        gender: "woman", community: RecordRef(id: id(402), name: "Bosniak"), place: pristina, languages: ["sq", "sr", "en"],
        emails: ["e.redzepi@example.org"], phones: ["+383 38 000 000"], notes: "Met at the partnership signing.",
        sensitivity: Sensitivity.normal.rawValue, lawfulBasis: LawfulBasis.legitimateInterest.rawValue,
        consent: ["stored": "yes", "named_publicly": "yes", "quoted": "yes", "photographed": "no"], createdAt: time(), updatedAt: time(30),
        deletedAt: nil, version: 3)

    static let deputyPrimeMinister = PositionRecord(
        id: id(1101), person: emilija, organization: dpmOffice,
        title: "Deputy Prime Minister for Minority Issues and Human Rights", startsOn: "2021-03-22", endsOn: nil, version: 1,
        deletedAt: nil)
    static let formerPost = PositionRecord(
        id: id(1102), person: emilija, organization: government, title: "Member of the Assembly", startsOn: "2017-09-07",
        endsOn: "2021-03-21", version: 1, deletedAt: nil)
    static let mayor = PositionRecord(
        id: id(1103), person: bedri, organization: mitrovicaSouth, title: "Mayor of Mitrovica South", startsOn: "2021-11-28",
        endsOn: nil, version: 1, deletedAt: nil)

    static let redzepiPage = PersonPageData(
        person: redzepi, positions: [deputyPrimeMinister, formerPost],
        consentHistory: [
            ConsentEvent(subject: "basis", value: LawfulBasis.legitimateInterest.rawValue, obtainedOn: nil, method: nil,
                         recordedAt: time(), recordedBy: "Kübra Kalkandelen"),
            ConsentEvent(subject: "quoted", value: "yes", obtainedOn: "2023-08-07", method: "Signed form at the meeting",
                         recordedAt: time(30), recordedBy: "Kübra Kalkandelen"),
        ])

    static let personRows = [
        PersonRow(id: bedri.id, name: bedri.name, honorific: "Mr", community: "Albanian", place: "Mitrovica South",
                  sensitivity: "normal", lastContact: Day("2023-08-08"), currentRoles: ["Mayor of Mitrovica South · Municipality of Mitrovica South"], deleted: false),
        PersonRow(id: emilija.id, name: emilija.name, honorific: "Ms", community: "Bosniak", place: nil,
                  sensitivity: "normal", lastContact: nil, currentRoles: ["Deputy Prime Minister for Minority Issues and Human Rights"], deleted: false),
        PersonRow(id: id(106), name: "Jelena Petrović", honorific: nil, community: "Kosovo Serb", place: nil,
                  sensitivity: "restricted", lastContact: nil, currentRoles: [], deleted: true),
    ]

    static let councilOfEuropeRecord = OrganizationRecord(
        id: councilOfEurope.id, name: councilOfEurope.name, otherNames: ["CoE Pristina"], kind: OrganizationKind.internationalOrganization.rawValue,
        level: GovernanceLevel.international.rawValue, parent: RecordRef(id: id(207), name: "Council of Europe"),
        place: pristina, website: "https://www.coe.int/en/web/pristina", notes: "Aligns activities with UNMIK.",
        createdAt: time(), updatedAt: time(), deletedAt: nil, version: 2)

    static let headOfOffice = PositionRecord(
        id: id(1104), person: frank, organization: councilOfEurope, title: "Head of Office", startsOn: "2022-01-01",
        endsOn: nil, version: 1, deletedAt: nil)

    static let organizationRows = [
        OrganizationRow(id: cbm.id, name: cbm.name, otherNames: ["CBM"], kind: "ngo", level: "grassroots",
                        place: "Mitrovicë/Mitrovica", deleted: false),
        OrganizationRow(id: councilOfEurope.id, name: councilOfEurope.name, otherNames: ["CoE Pristina"],
                        kind: "international_organization", level: "international", place: "Prishtinë/Priština", deleted: false),
        OrganizationRow(id: unmik.id, name: unmik.name, otherNames: ["UNMIK"], kind: "international_organization",
                        level: nil, place: nil, deleted: true),
    ]

    static let mitrovicaRecord = PlaceRecord(
        id: mitrovica.id, kind: PlaceKind.municipality.rawValue, name: mitrovica.name,
        names: ["en": "Mitrovica South", "sq": "Mitrovicë e Jugut", "sr-Cyrl": "Јужна Митровица", "sr-Latn": "Južna Mitrovica"],
        parent: kosovo, latitude: 42.8914, longitude: 20.866, createdAt: time(), updatedAt: time(), version: 1, deletedAt: nil)

    static let placeRecords = [
        PlaceRecord(id: kosovo.id, kind: PlaceKind.country.rawValue, name: "Kosovo", names: ["en": "Kosovo", "sq": "Kosova"],
                    parent: nil, latitude: nil, longitude: nil, createdAt: time(), updatedAt: time(), version: 1, deletedAt: nil),
        mitrovicaRecord,
    ]

    static let communities = [
        CommunityRecord(id: serbCommunity.id, name: serbCommunity.name, status: "non_majority", region: kosovo,
                        notes: nil, version: 1, deletedAt: nil),
        CommunityRecord(id: id(402), name: "Bosniak", status: "non_majority", region: nil, notes: nil, version: 1,
                        deletedAt: nil),
    ]
}
