import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// People and organisations that look real — Albanian, Serbian (in Latin and Cyrillic), Bosniak,
/// Turkish, Roma names — for the demo and for benchmarks. The same seed always gives the same people.
struct SyntheticRegistry {
    struct Person {
        var id = UUID()
        var name: String
        var otherNames: [String]
        var honorific: String?
        var gender: Gender
        var community: String
        var place: String
        var languages: [String]
        var sensitivity: Sensitivity
        var basis: LawfulBasis
        var named: ConsentAnswer, quoted: ConsentAnswer, photographed: ConsentAnswer
        var email: String?
    }

    struct Organization {
        var id = UUID()
        var name: String
        var otherNames: [String]
        var kind: OrganizationKind
        var level: GovernanceLevel
        var place: String
    }

    struct Position {
        var person: Int
        var organization: Int
        var title: String
        var startsOn: String
        var endsOn: String?
    }

    var random: SeededRandom

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static let albanianFirst: [(String, Gender)] = [
        ("Arben", .man), ("Blerta", .woman), ("Driton", .man), ("Egzona", .woman), ("Fatmir", .man), ("Genta", .woman), ("Ilir", .man),
        ("Jeta", .woman), ("Kujtim", .man), ("Lirije", .woman), ("Mimoza", .woman), ("Naim", .man), ("Vjosa", .woman), ("Valon", .man),
        ("Shpresa", .woman), ("Besnik", .man), ("Donjeta", .woman), ("Agon", .man), ("Rrezarta", .woman), ("Përparim", .man), ("Drilona", .woman),
    ]
    static let albanianLast = ["Krasniqi", "Gashi", "Berisha", "Morina", "Hoxha", "Shala", "Bytyqi", "Kelmendi", "Rexhepi", "Ahmeti",
                               "Hasani", "Mustafa", "Thaçi", "Zeqiri", "Sylejmani", "Kastrati", "Bajrami", "Dervishi", "Çeku", "Hyseni"]
    static let serbFirst: [(String, String, Gender)] = [
        ("Milan", "Милан", .man), ("Jelena", "Јелена", .woman), ("Nikola", "Никола", .man), ("Dragana", "Драгана", .woman),
        ("Stefan", "Стефан", .man), ("Marija", "Марија", .woman), ("Nenad", "Ненад", .man), ("Ivana", "Ивана", .woman),
        ("Dušan", "Душан", .man), ("Snežana", "Снежана", .woman), ("Đorđe", "Ђорђе", .man), ("Ljiljana", "Љиљана", .woman),
        ("Vuk", "Вук", .man), ("Milica", "Милица", .woman), ("Žarko", "Жарко", .man), ("Njegoslava", "Његослава", .woman),
    ]
    static let serbLast: [(String, String)] = [
        ("Petrović", "Петровић"), ("Jovanović", "Јовановић"), ("Nikolić", "Николић"), ("Đorđević", "Ђорђевић"), ("Stojanović", "Стојановић"),
        ("Ristić", "Ристић"), ("Marković", "Марковић"), ("Ilić", "Илић"), ("Popović", "Поповић"), ("Živković", "Живковић"),
        ("Šćepanović", "Шћепановић"), ("Lazić", "Лазић"), ("Milošević", "Милошевић"), ("Radić", "Радић"), ("Todorović", "Тодоровић"),
    ]
    static let bosniak: [(String, Gender)] = [("Amra", .woman), ("Emir", .man), ("Selma", .woman), ("Adnan", .man), ("Lejla", .woman), ("Haris", .man)]
    static let bosniakLast = ["Hodžić", "Mustafić", "Redžepi", "Bešić", "Mehmedović", "Ademović"]
    static let turkish: [(String, Gender)] = [("Ayşe", .woman), ("Mehmet", .man), ("Kübra", .woman), ("Emre", .man), ("Zeynep", .woman), ("Yusuf", .man)]
    static let turkishLast = ["Yılmaz", "Demir", "Şahin", "Çelik", "Kalkan", "Öztürk"]
    static let romaFirst: [(String, Gender)] = [("Sabaheta", .woman), ("Bajram", .man), ("Fitore", .woman), ("Avdulla", .man), ("Hava", .woman), ("Selim", .man)]
    static let romaLast = ["Berisha", "Gashi", "Rama", "Salihu", "Krasniqi", "Bajrami", "Mustafa"]
    static let places = ["pristina", "gracanica", "mitrovica-south", "mitrovica-north", "zvecan", "zubin-potok", "leposavic", "vushtrri"]
    static let communityWeights: [(String, Int)] = [("Albanian", 50), ("Serb", 30), ("Bosniak", 6), ("Turkish", 4), ("Roma", 4), ("Ashkali", 3), ("Egyptian", 2), ("Gorani", 1)]
    static let titles = ["Director", "Programme Officer", "Coordinator", "Municipal councillor", "Project Manager", "Field Officer", "Chairperson",
                         "Advisor", "Head of Office", "Youth Worker", "Journalist", "Researcher", "Community Mediator", "Legal Officer"]

    mutating func person() -> Person {
        let community = random.weighted(Self.communityWeights)
        var name: String, other: [String] = [], gender: Gender, languages: [String]
        switch community {
        case "Serb":
            let (first, firstCyrillic, g) = random.pick(Self.serbFirst)
            let (last, lastCyrillic) = random.pick(Self.serbLast)
            gender = g
            if random.chance(0.5) {
                name = "\(firstCyrillic) \(lastCyrillic)"
                other = ["\(first) \(last)"]
                languages = ["sr-Cyrl"]
            } else {
                name = "\(first) \(last)"
                if random.chance(0.3) { other = ["\(firstCyrillic) \(lastCyrillic)"] }
                languages = ["sr-Latn"]
            }
        case "Bosniak", "Gorani":
            let (first, g) = random.pick(Self.bosniak)
            name = "\(first) \(random.pick(Self.bosniakLast))"
            gender = g
            languages = ["bs", "sr-Latn"]
        case "Turkish":
            let (first, g) = random.pick(Self.turkish)
            name = "\(first) \(random.pick(Self.turkishLast))"
            gender = g
            languages = ["tr", "sq"]
        case "Roma", "Ashkali", "Egyptian":
            let (first, g) = random.pick(Self.romaFirst)
            name = "\(first) \(random.pick(Self.romaLast))"
            gender = g
            languages = ["rom", "sq"]
        default:
            let (first, g) = random.pick(Self.albanianFirst)
            name = "\(first) \(random.pick(Self.albanianLast))"
            gender = g
            languages = ["sq"]
        }
        if random.chance(0.4) { languages.append("en") }
        let honorific: String? = random.chance(0.3) ? (random.chance(0.2) ? "Dr." : (gender == .woman ? "Ms." : "Mr.")) : nil
        let answers: [ConsentAnswer] = [.yes, .yes, .no, .unknown]
        let email = random.chance(0.5) ? NameFolding.fold(name).replacingOccurrences(of: " ", with: ".") + "\(random.int(100))@example.org" : nil
        return Person(
            name: name, otherNames: other, honorific: honorific, gender: gender, community: community, place: random.pick(Self.places),
            languages: languages, sensitivity: random.chance(0.03) ? .restricted : .normal,
            basis: random.pick([.consent, .legitimateInterest, .publicRole, .unknown]),
            named: random.pick(answers), quoted: random.pick(answers), photographed: random.pick(answers), email: email
        )
    }

    static let orgStems: [(String, OrganizationKind, GovernanceLevel)] = [
        ("Youth Centre", .communityGroup, .grassroots), ("Women's Association", .ngo, .grassroots), ("Radio", .media, .municipal),
        ("Civic Initiative", .ngo, .grassroots), ("Cultural Centre", .communityGroup, .municipal), ("Health House", .government, .municipal),
        ("Business Association", .business, .municipal), ("Primary School", .academia, .municipal), ("Interfaith Council", .faith, .grassroots),
        ("Legal Aid Office", .ngo, .municipal), ("Local Action Group", .communityGroup, .grassroots), ("Development Agency", .government, .municipal),
    ]
    static let orgNames = ["Jeta", "Ura", "Мост", "Sloga", "Shpresa", "Zajedno", "Bashkë", "Нада", "Drita", "Kontakt", "Horizont", "Iskra", "Lumi", "Светлост"]
    static let placeLabels = ["pristina": "Pristina", "gracanica": "Gračanica", "mitrovica-south": "Mitrovica South", "mitrovica-north": "North Mitrovica",
                              "zvecan": "Zvečan", "zubin-potok": "Zubin Potok", "leposavic": "Leposavić", "vushtrri": "Vushtrri"]

    mutating func organization(_ index: Int) -> Organization {
        let (stem, kind, level) = random.pick(Self.orgStems)
        let place = random.pick(Self.places)
        let label = random.pick(Self.orgNames)
        let name = "\(stem) “\(label)” \(Self.placeLabels[place]!)" + (index > 100 ? " \(index)" : "")
        let acronym = stem.split(separator: " ").map { String($0.prefix(1)) }.joined() + label.prefix(1).uppercased()
        return Organization(name: name, otherNames: [acronym], kind: kind, level: level, place: place)
    }

    mutating func positions(people: Int, organizations: Int) -> [Position] {
        var result: [Position] = []
        result.reserveCapacity(people + people / 3)
        for person in 0..<people {
            let year = 2015 + random.int(9)
            result.append(Position(person: person, organization: random.int(organizations), title: random.pick(Self.titles),
                                   startsOn: "\(year)-0\(1 + random.int(9))-1\(random.int(9))", endsOn: nil))
            if random.chance(0.3) {
                result.append(Position(person: person, organization: random.int(organizations), title: random.pick(Self.titles),
                                       startsOn: "\(year - 4)-0\(1 + random.int(9))-0\(1 + random.int(9))", endsOn: "\(year - 1)-12-31"))
            }
        }
        return result
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same demo everywhere.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ upperBound: Int) -> Int { Int(next() % UInt64(upperBound)) }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }

    mutating func weighted(_ items: [(String, Int)]) -> String {
        var roll = int(items.reduce(0) { $0 + $1.1 })
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[0].0
    }
}
