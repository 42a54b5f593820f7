import Domain
import FluentKit
import Foundation
import Storage

/// The demo: the seed's delegation and colleagues as users, one per role, all with one password.
/// Loading twice changes nothing.
public struct DemoData: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher
    /// Where the demo's generated photos go; none are added without it.
    public let photos: PhotoStore?

    public init(database: any Database, hasher: any PasswordHasher, photos: PhotoStore? = nil) {
        self.database = database
        self.hasher = hasher
        self.photos = photos
    }

    /// Printed by `serve --demo` and `demo`; the demo is for trying Roundtable out, never for real data.
    public static let password = "roundtable-demo"

    public static let users: [(name: String, email: String, role: Role)] = [
        ("James Holmes", "james.holmes@ico.example", .admin),
        ("Kübra Kalkandelen", "kubra.kalkandelen@ico.example", .coordinator),
        ("Arta Krasniqi", "arta.krasniqi@ico.example", .officer),
        ("Miloš Petrović", "milos.petrovic@ico.example", .viewer),
    ]

    public struct Summary: Sendable {
        public var usersAdded: Int
        public var peopleAdded: Int
    }

    @discardableResult
    public func load(now: Date = Date()) async throws -> Summary {
        var added = 0
        let hash = try await hasher.hash(Self.password)
        for user in Self.users {
            let exists = try await UserModel.query(on: database).filter(\.$email == user.email).count() > 0
            if exists { continue }
            let model = UserModel(email: user.email, name: user.name, role: user.role, passwordHash: hash, now: now)
            try await database.transaction { tx in
                try await model.create(on: tx)
                try await AuditTrail.record(
                    .create, by: .commandLine, recordType: "user", recordID: model.id, recordLabel: model.email,
                    changes: FieldChange.between([], model.auditFields), at: now, on: tx
                )
            }
            added += 1
        }
        let people = try await loadRegistry(now: now)
        return Summary(usersAdded: added, peopleAdded: people)
    }

    /// The seed's cast, then a few hundred synthetic people and organisations, through the use cases.
    func loadRegistry(now: Date) async throws -> Int {
        // One transaction for the whole demo: all of it or none, and one commit instead of thousands.
        // A demo database from before field visits, context events or agreements existed gets them added.
        try await database.transaction { tx in
            let added = try await DemoRegistry(database: tx).alreadyLoaded() ? 0 : try await loadRegistry(on: tx, now: now)
            if !(try await DemoEngagements(database: tx).alreadyLoaded()) { try await DemoEngagements(database: tx, photos: photos).load(now: now) }
            if !(try await DemoContext(database: tx).alreadyLoaded()) { try await DemoContext(database: tx).load(now: now) }
            if !(try await DemoAgreements(database: tx).alreadyLoaded()) { try await DemoAgreements(database: tx).load(now: now) }
            if !(try await DemoCoordination(database: tx).alreadyLoaded()) { try await DemoCoordination(database: tx).load(now: now) }
            if !(try await DemoStakeholders(database: tx).alreadyLoaded()) { try await DemoStakeholders(database: tx).load(now: now) }
            return added
        }
    }

    private func loadRegistry(on database: any Database, now: Date) async throws -> Int {
        let registry = DemoRegistry(database: database)
        let cast = try await registry.load()
        var generator = SyntheticRegistry(seed: 2023)
        var organizationIDs: [UUID] = []
        for index in 0..<40 {
            let org = generator.organization(index)
            var input = OrganizationInput(name: org.name)
            input.otherNames = org.otherNames
            input.kind = org.kind.rawValue
            input.level = org.level.rawValue
            input.placeID = cast.places[org.place]
            organizationIDs.append(try await Organizations(database: database).create(input, by: .commandLine, now: now).id)
        }
        var personIDs: [UUID] = []
        for _ in 0..<Self.syntheticPeople {
            let p = generator.person()
            var input = PersonInput(name: p.name)
            input.otherNames = p.otherNames
            input.honorific = p.honorific
            input.gender = p.gender.rawValue
            input.communityID = cast.communities[p.community]
            input.placeID = cast.places[p.place]
            input.languages = p.languages
            input.emails = p.email.map { [$0] } ?? []
            input.sensitivity = p.sensitivity.rawValue
            input.lawfulBasis = p.basis.rawValue
            input.consent = [.stored: "yes", .namedPublicly: p.named.rawValue, .quoted: p.quoted.rawValue, .photographed: p.photographed.rawValue]
            personIDs.append(try await People(database: database).create(input, by: .commandLine, now: now).id)
        }
        for position in generator.positions(people: personIDs.count, organizations: organizationIDs.count) {
            _ = try await Positions(database: database).create(
                PositionInput(personID: personIDs[position.person], organizationID: organizationIDs[position.organization], title: position.title,
                              startsOn: position.startsOn, endsOn: position.endsOn), by: .commandLine, now: now)
        }
        return cast.people.count + personIDs.count
    }

    static let syntheticPeople = 300
}
