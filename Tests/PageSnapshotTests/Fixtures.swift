import Domain
import Foundation
@testable import Features
@testable import Web

/// The seed's cast and places with fixed identities, days and times: every page is drawn from these.
enum Fixtures {
    /// `00000000-0000-0000-0000-000000000001` and so on.
    static func id(_ number: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", number))! }

    static func day(_ text: String) -> Day { Day(text)! }

    /// 2023-08-07 09:30 UTC, the morning of the meeting in Pristina, plus `minutes`.
    static func time(_ minutes: Double = 0) -> Date { Date(timeIntervalSince1970: 1_691_400_600 + minutes * 60) }

    static let today = day("2023-08-10")
    static let csrf = "csrf-fixed-token"

    /// The frame a user with `role` sees; Kübra Kalkandelen by name. Without a role, nobody is signed in.
    static func chrome(_ text: Localizer, role: Role?, current: SiteURL? = nil, flash: String? = nil) -> Chrome {
        Chrome(text: text, user: role.map { (name: "Kübra Kalkandelen", role: $0) }, current: current, csrfToken: csrf,
               flash: flash, switchPath: "/sign-in")
    }

    static func errors(_ issues: [FieldIssue]) -> Forms.Errors { Forms.Errors(issues, text: Snapshot.text) }

    static func page<Item>(_ items: [Item], total: Int? = nil, page: Int = 1) -> ListPage<Item> {
        let total = total ?? items.count
        return ListPage(items: items, page: page, perPage: 50, total: total, totalIsAtLeast: false,
                        hasMore: page * 50 < total)
    }

    // MARK: The cast

    static let emilija = RecordRef(id: id(101), name: "Emilija Redžepi")
    static let bedri = RecordRef(id: id(102), name: "Bedri Hamza")
    static let kubra = RecordRef(id: id(103), name: "Kübra Kalkandelen")
    static let james = RecordRef(id: id(104), name: "James Holmes")
    static let frank = RecordRef(id: id(105), name: "Frank Power")

    static let government = RecordRef(id: id(201), name: "Government of Kosovo")
    static let dpmOffice = RecordRef(id: id(202), name: "Office of the Deputy Prime Minister for Minority Issues and Human Rights")
    static let mitrovicaSouth = RecordRef(id: id(203), name: "Municipality of Mitrovica South")
    static let councilOfEurope = RecordRef(id: id(204), name: "Council of Europe Office in Pristina")
    static let unmik = RecordRef(id: id(205), name: "UN Mission in Kosovo")
    static let cbm = RecordRef(id: id(206), name: "Community Building Mitrovica")

    static let kosovo = RecordRef(id: id(301), name: "Kosovo")
    static let pristina = RecordRef(id: id(302), name: "Prishtinë/Priština")
    static let mitrovica = RecordRef(id: id(303), name: "Mitrovicë/Mitrovica")
    static let zvecan = RecordRef(id: id(304), name: "Zvečan")

    static let serbCommunity = RecordRef(id: id(401), name: "Kosovo Serb")
    static let places = [kosovo, pristina, mitrovica, zvecan]
    static let users = [RecordRef(id: id(501), name: "Kübra Kalkandelen"), RecordRef(id: id(502), name: "James Holmes")]

    static let visitRef = RecordRef(id: id(601), name: "Field visit to Kosovo, August 2023")
    static let meetingRef = RecordRef(id: id(701), name: "Meeting with the Deputy Prime Minister")
    static let mayorMeetingRef = RecordRef(id: id(702), name: "Meeting with the Mayor of Mitrovica South")
    static let consortiumRef = RecordRef(id: id(703), name: "ICO Consortium")
    static let agreementRef = RecordRef(id: id(801), name: "Partnership on minority issues and human rights")
    static let groupRef = RecordRef(id: id(901), name: "Working group on local self-governance")
    static let recommendationRef = RecordRef(id: id(1001), name: "Support councillors in non-majority municipalities")
}
