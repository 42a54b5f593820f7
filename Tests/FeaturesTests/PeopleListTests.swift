import Domain
@testable import Features
import FluentKit
import Foundation
import Storage
import Testing

/// The people list as a workspace: several people changed at once (each as its own edit, all or none),
/// and a user's saved filters.
@Suite("The people list: changes to the ticked people, saved filters")
struct PeopleListTests {
    static let admin = Actor.role(.admin, "james@ico.example")

    /// Three people an officer can see, one restricted person only a coordinator can, and a community.
    static func registry(_ db: any Database) async throws -> (visible: [UUID], restricted: UUID, community: UUID) {
        let people = People(database: db)
        var visible: [UUID] = []
        for name in ["Bedri Hamza", "Emilija Redžepi", "Agon Sylejmani"] {
            visible.append(try await people.create(PersonInput(name: name), by: .officer).id)
        }
        var restricted = PersonInput(name: "Jelena Petrović")
        restricted.sensitivity = Sensitivity.restricted.rawValue
        let hidden = try await people.create(restricted, by: .coordinator).id
        let community = try await Communities(database: db).create(CommunityInput(name: "Bosniak", status: "non_majority"),
                                                                    by: admin).id
        return (visible, hidden, community)
    }

    @Test func anOfficerSetsTheCommunityOfThreePeopleEachAsItsOwnEdit() async throws {
        try await withDatabase { db in
            let (visible, restricted, community) = try await Self.registry(db)
            let bulk = BulkPeople(database: db)
            let people = People(database: db)

            // a selection with someone the officer may not see is refused as a whole: nobody changes
            await #expect { try await bulk.apply(.community(community), to: visible + [restricted], by: .officer) }
                throws: { invalidFields($0) == ["id"] }
            for id in visible { #expect(try await people.get(id, by: .officer).community == nil) }

            // the three alone: each changed, each with one line in its own history naming the field
            #expect(try await bulk.apply(.community(community), to: visible, by: .officer) == 3)
            for id in visible {
                let person = try await people.get(id, by: .officer)
                #expect(person.community?.id == community && person.version == 2)
                let history = try await people.history(id, by: .officer)
                #expect(history.entries.map(\.action) == ["update", "create"])
                #expect(history.entries[0].changes.map(\.field) == ["community"])
            }

            // done again, nothing changes and no history line is added
            #expect(try await bulk.apply(.community(community), to: visible, by: .officer) == 0)
            #expect(try await people.history(visible[0], by: .officer).entries.count == 2)
        }
    }

    /// A name and a community together are answered from the name words, which carry each person's community:
    /// the list follows a person into a community and out of it again, and a restricted person found that way
    /// is shown only to those who may see them.
    @Test func aNameAndACommunityFindThePeopleOfThatCommunityAsTheyMove() async throws {
        try await withDatabase { db in
            let (visible, restricted, community) = try await Self.registry(db)
            let people = People(database: db)
            let today = Day("2024-06-01")!
            func found(_ text: String, by actor: Actor) async throws -> [String] {
                var query = People.Query()
                query.text = text
                query.communityID = community
                return try await people.list(query, by: actor, today: today).items.map(\.name)
            }
            #expect(try await found("hamza", by: .officer).isEmpty)

            _ = try await BulkPeople(database: db).apply(.community(community), to: [visible[0], visible[2]], by: .officer)
            #expect(try await found("hamza", by: .officer) == ["Bedri Hamza"])
            #expect(try await found("sylejmani agon", by: .officer) == ["Agon Sylejmani"])
            #expect(try await found("redzepi", by: .officer).isEmpty, "Emilija Redžepi was not moved")

            _ = try await BulkPeople(database: db).apply(.community(community), to: [restricted], by: .coordinator)
            #expect(try await found("petrovic", by: .officer).isEmpty)
            #expect(try await found("petrovic", by: .coordinator) == ["Jelena Petrović"])

            let bedri = try await people.get(visible[0], by: .officer)
            _ = try await people.update(visible[0], PersonInput(name: bedri.name), expectedVersion: bedri.version, by: .officer)
            #expect(try await found("hamza", by: .officer).isEmpty, "out of the community again")
        }
    }

    @Test func restrictingPeopleNeedsTheRightToWriteRestrictedRecords() async throws {
        try await withDatabase { db in
            let (visible, _, _) = try await Self.registry(db)
            let bulk = BulkPeople(database: db)
            // an officer may not restrict anyone: the refusal names the first person it stopped at
            do {
                try await bulk.apply(.sensitivity(.restricted), to: visible, by: .officer)
                Issue.record("an officer restricted people")
            } catch DomainError.invalid(let issues) {
                #expect(issues.map(\.messageKey) == ["bulk.refused"])
                #expect(issues.first?.arguments.first == "Bedri Hamza")
            }
            #expect(try await People(database: db).get(visible[2], by: .officer).sensitivity == "normal")
            // a coordinator may, and the restricted people leave the officer's sight
            #expect(try await bulk.apply(.sensitivity(.restricted), to: visible, by: .coordinator) == 3)
            await #expect { _ = try await People(database: db).get(visible[0], by: .officer) } throws: { isNotFound($0) }
        }
    }

    @Test func tickedPeopleJoinAVisitsDelegationInOneEditOfTheVisit() async throws {
        try await withDatabase { db in
            let (visible, _, _) = try await Self.registry(db)
            let visits = FieldVisits(database: db)
            let visit = try await visits.create(FieldVisitInput(title: "August visit", startsOn: "2023-08-07", endsOn: "2023-08-10"),
                                                by: .officer)
            #expect(try await BulkPeople(database: db).apply(.addToVisit(visit.id), to: visible, by: .officer) == 3)
            #expect(Set(try await visits.get(visit.id, by: .officer).people.map(\.id)) == Set(visible))
            #expect(try await visits.history(visit.id, by: .officer).entries.map(\.action) == ["update", "create"])
            // an unknown visit is named at its field
            await #expect { try await BulkPeople(database: db).apply(.addToVisit(UUID()), to: visible, by: .officer) }
                throws: { invalidFields($0) == ["visit"] }
        }
    }

    @Test func deletingTheTickedPeopleIsUndoneOneByOneByACoordinator() async throws {
        try await withDatabase { db in
            let (visible, _, _) = try await Self.registry(db)
            let people = People(database: db)
            #expect(try await BulkPeople(database: db).apply(.delete, to: Array(visible.prefix(2)), by: .officer) == 2)
            await #expect { _ = try await people.getLive(visible[0], by: .officer) } throws: { isNotFound($0) }
            #expect(try await people.restore(visible[0], by: .coordinator).isDeleted == false)
            // a viewer changes nobody
            await #expect(throws: DomainError.forbidden) { try await BulkPeople(database: db).apply(.delete, to: visible, by: .viewer) }
        }
    }

    @Test func aUserSavesFiltersOfAListThatNobodyElseSees() async throws {
        try await withDatabase { db in
            let arta = UserModel(email: "arta@ico.example", name: "Arta Krasniqi", role: .officer, passwordHash: "-", now: Date())
            let milos = UserModel(email: "milos@ico.example", name: "Miloš Petrović", role: .viewer, passwordHash: "-", now: Date())
            try await arta.create(on: db)
            try await milos.create(on: db)
            let asArta = Actor(kind: .user(id: arta.id!, role: .officer), label: arta.email)
            let asMilos = Actor(kind: .user(id: milos.id!, role: .viewer), label: milos.email)
            let saved = SavedFilters(database: db)

            let mayors = try await saved.save(name: "  Mayors in the north ", list: "people", query: "q=mayor&sort=name", by: asArta)
            #expect(mayors.name == "Mayors in the north")
            // the same name again replaces the query; another list keeps its own
            try await saved.save(name: "Mayors in the north", list: "people", query: "q=mayor&sort=-updated", by: asArta)
            try await saved.save(name: "Mayors in the north", list: "organizations", query: "kind=municipality", by: asArta)
            #expect(try await saved.of(list: "people", by: asArta).map(\.query) == ["q=mayor&sort=-updated"])
            #expect(try await saved.of(list: "people", by: asMilos).isEmpty)

            // a name is required, not too long, without invisible characters
            for name in ["", String(repeating: "x", count: 81), "tab\there"] {
                await #expect { try await saved.save(name: name, list: "people", query: "q=a", by: asArta) }
                    throws: { invalidFields($0) == ["name"] }
            }

            // names in any script stay as the list's links write them
            try await saved.save(name: "Redžepi", list: "people", query: "q=redžepi&community=1", by: asArta)
            // by name, whatever order they were saved in
            try await saved.save(name: "Ahmeti", list: "people", query: "q=ahmeti", by: asArta)
            let kept = try await saved.of(list: "people", by: asArta)
            #expect(kept.map(\.name) == ["Ahmeti", "Mayors in the north", "Redžepi"])
            #expect(kept[1].id == mayors.id)
            // a query that could not go back into an address is refused at its field
            for query in ["q=a\r\nSet-Cookie: x=1", "?q=a", "q=a#top", "q=a b"] {
                await #expect { try await saved.save(name: "Bad", list: "people", query: query, by: asArta) }
                    throws: { invalidFields($0) == ["query"] }
            }

            // someone else cannot remove it; its owner can, and each step is in the audit trail
            await #expect { _ = try await saved.remove(mayors.id, by: asMilos) } throws: { isNotFound($0) }
            #expect(try await saved.remove(mayors.id, by: asArta).query == "q=mayor&sort=-updated")
            let trail = try await AuditEntryModel.query(on: db).filter(\.$recordType == SavedFilters.recordType).all()
            #expect(trail.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .create, .create, .create, .delete, .update])
        }
    }

    @Test func lastContactIsTheLatestEngagementTheReaderMaySeeUpToToday() async throws {
        try await withDatabase { db in
            let (visible, _, _) = try await Self.registry(db)
            let hamza = visible[0]
            let engagements = Engagements(database: db)
            func meeting(_ start: String, _ confidentiality: Confidentiality = .internal) -> EngagementInput {
                var input = EngagementInput(kind: "meeting", title: "Meeting on \(start)", start: start, timeZone: "Europe/Belgrade")
                input.participants = [ParticipantInput(personID: hamza)]
                input.confidentiality = confidentiality.rawValue
                return input
            }
            let today = Day("2023-09-01")!
            let august = try await engagements.create(meeting("2023-08-08T10:00"), by: .coordinator)
            let restricted = try await engagements.create(meeting("2023-08-20T10:00", .restricted), by: .coordinator)
            _ = try await engagements.create(meeting("2023-10-01T10:00"), by: .coordinator)  // not yet: after today
            #expect(try await engagements.lastContact(with: visible, today: today, by: .officer) == [hamza: Day("2023-08-08")!])
            #expect(try await engagements.lastContact(with: visible, today: today, by: .coordinator) == [hamza: Day("2023-08-20")!])

            // moved to another day, the participation follows; deleted, it no longer counts
            _ = try await engagements.update(august.id, meeting("2023-08-25T09:00"), expectedVersion: 1, by: .coordinator)
            #expect(try await engagements.lastContact(with: [hamza], today: today, by: .officer) == [hamza: Day("2023-08-25")!])
            try await engagements.delete(august.id, expectedVersion: nil, by: .coordinator)
            try await engagements.delete(restricted.id, expectedVersion: nil, by: .coordinator)
            #expect(try await engagements.lastContact(with: [hamza], today: today, by: .coordinator).isEmpty)
        }
    }
}
