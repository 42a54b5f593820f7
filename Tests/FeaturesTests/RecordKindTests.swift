import Domain
@testable import Features
import FluentKit
import Foundation
import Storage
import Testing

/// The save path every record kind shares (`RecordKind`): find, validate, version check, write, audit entry,
/// soft delete, restore and history — written once, and here tested once, through the use cases themselves.
@Suite("One save path for every record kind")
struct RecordKindTests {
    static func clashes() -> ContextEventInput {
        var input = ContextEventInput(title: "Clashes in Zvečan", kind: "clash", severity: "high", startsOn: "2023-05-29")
        input.confidentiality = "internal"
        return input
    }

    @Test func anOfficerRecordsChangesAndDeletesAnEventAndACoordinatorBringsItBack() async throws {
        try await withDatabase { db in
            let events = ContextEvents(database: db)
            // given an event an officer recorded
            let event = try await events.create(Self.clashes(), by: .officer)
            #expect(event.version == 1)

            // when the same form is saved again, nothing changes: no new version, no history line
            let same = try await events.update(event.id, Self.clashes(), expectedVersion: 1, by: .officer)
            #expect(same.version == 1)
            #expect(try await events.history(event.id, by: .officer).entries.map(\.action) == ["create"])

            // a change moves the version on; one made to an older version is refused, and one naming none too
            var changed = Self.clashes()
            changed.title = "Clashes in Zvečan and Leposavić"
            #expect(try await events.update(event.id, changed, expectedVersion: 1, by: .officer).version == 2)
            await #expect(throws: DomainError.versionConflict(current: 2)) {
                _ = try await events.update(event.id, Self.clashes(), expectedVersion: 1, by: .officer)
            }
            await #expect(throws: DomainError.versionRequired) {
                _ = try await events.update(event.id, Self.clashes(), expectedVersion: nil, by: .officer)
            }

            // then deleted, it is gone for the officer on every path, and seen (as deleted) by a coordinator
            try await events.delete(event.id, expectedVersion: 2, by: .officer)
            for read in [{ _ = try await events.get(event.id, by: .officer) }, { _ = try await events.history(event.id, by: .officer) }] {
                await #expect { try await read() } throws: { isNotFound($0) }
            }
            #expect(try await events.get(event.id, by: .coordinator).isDeleted)
            await #expect { _ = try await events.getLive(event.id, by: .coordinator) } throws: { isNotFound($0) }
            await #expect { _ = try await events.update(event.id, changed, expectedVersion: 3, by: .coordinator) } throws: { isNotFound($0) }

            // only those who may restore bring it back, and its history tells all of it
            await #expect(throws: DomainError.forbidden) { _ = try await events.restore(event.id, by: .officer) }
            let restored = try await events.restore(event.id, by: .coordinator)
            #expect(!restored.isDeleted && restored.version == 4)
            let history = try await events.history(event.id, by: .officer)
            #expect(history.entries.map(\.action) == ["restore", "delete", "update", "create"])
            #expect(history.entries[2].changes.map(\.field) == ["title"])
        }
    }

    @Test func badInputIsRefusedAtItsFieldsAndWritesNothing() async throws {
        try await withDatabase { db in
            var input = Self.clashes()
            input.title = "  "
            input.startsOn = "29 May"
            await #expect { _ = try await ContextEvents(database: db).create(input, by: .officer) } throws: {
                Set(invalidFields($0)) == ["title", "startsOn"]
            }
            let (events, entries) = (try await ContextEventModel.query(on: db).count(), try await AuditEntryModel.query(on: db).count())
            #expect(events == 0 && entries == 0)
        }
    }

    @Test func restrictedRecordsAreInvisibleNotForbiddenToThoseWhoMayNotSeeThem() async throws {
        try await withDatabase { db in
            let agreements = Agreements(database: db)
            var input = AgreementInput(kind: "partnership", title: "Memorandum with the Office of the Deputy Prime Minister")
            input.confidentiality = "restricted"
            // an officer may not mark one restricted: the refusal is at the field
            await #expect { _ = try await agreements.create(input, by: .officer) } throws: { invalidFields($0) == ["confidentiality"] }
            let agreement = try await agreements.create(input, by: .coordinator)
            for actor in [Actor.officer, .viewer] {
                await #expect { _ = try await agreements.get(agreement.id, by: actor) } throws: { isNotFound($0) }
                await #expect { try await agreements.delete(agreement.id, expectedVersion: nil, by: actor) } throws: { isNotFound($0) || $0 as? DomainError == .forbidden }
            }
            #expect(try await agreements.get(agreement.id, by: .coordinator).label == input.title)
        }
    }

    @Test func aPersonsConsentJoinsTheirHistoryAndARestrictedPersonStaysWithThoseWhoMaySeeThem() async throws {
        try await withDatabase { db in
            let people = People(database: db)
            var input = PersonInput(name: "Emilija Redžepi")
            input.lawfulBasis = LawfulBasis.consent.rawValue
            input.consent = [.stored: "yes", .namedPublicly: "yes"]
            input.consentObtainedOn = "2023-08-07"
            let person = try await people.create(input, by: .officer)
            #expect(person.answer(.namedPublicly) == .yes && person.answer(.quoted) == .unknown)
            #expect(try await ConsentEventModel.query(on: db).count() == 3)

            input.sensitivity = "restricted"
            await #expect { _ = try await people.update(person.id, input, expectedVersion: 1, by: .officer) } throws: {
                invalidFields($0) == ["sensitivity"]
            }
            _ = try await people.update(person.id, input, expectedVersion: 1, by: .coordinator)
            await #expect { _ = try await people.get(person.id, by: .officer) } throws: { isNotFound($0) }
            #expect(try await people.get(person.id, by: .coordinator).isRestricted)
        }
    }

    @Test func aPlaceWithPlacesInsideCannotGoAndAPositionSaysSoInItsPersonsHistory() async throws {
        try await withDatabase { db in
            let places = Places(database: db)
            let kosovo = try await places.create(PlaceInput(kind: "country", names: ["en": "Kosovo"]), by: .officer)
            let mitrovica = try await places.create(PlaceInput(kind: "municipality", parentID: kosovo.id, names: ["en": "Mitrovica South", "sq": "Mitrovicë e Jugut"]), by: .officer)
            await #expect(throws: DomainError.notAllowed("place.hasChildren")) { try await places.delete(kosovo.id, expectedVersion: nil, by: .officer) }

            let person = try await People(database: db).create(PersonInput(name: "Bedri Hamza"), by: .officer)
            var office = OrganizationInput(name: "Municipality of Mitrovica South")
            office.kind = "municipality"
            office.placeID = mitrovica.id
            let municipality = try await Organizations(database: db).create(office, by: .officer)
            let position = try await Positions(database: db).create(PositionInput(personID: person.id, organizationID: municipality.id, title: "Mayor"), by: .officer)
            try await Positions(database: db).delete(position.id, expectedVersion: nil, by: .officer)
            let personHistory = try await People(database: db).history(person.id, by: .officer)
            let positions = personHistory.entries.flatMap(\.changes).filter { $0.field == "position" }
            #expect(positions == [FieldChange(field: "position", from: "Mayor · Municipality of Mitrovica South", to: nil),
                                  FieldChange(field: "position", from: nil, to: "Mayor · Municipality of Mitrovica South")])
        }
    }

    @Test func aHistoryNamesThePlaceItMentionsButNotAPersonTheReaderMayNotSee() async throws {
        try await withDatabase { db in
            let place = try await Places(database: db, language: "sq").create(PlaceInput(kind: "municipality", names: ["en": "Mitrovica South", "sq": "Mitrovicë e Jugut"]), by: .officer)
            var hidden = PersonInput(name: "A. Witness")
            hidden.sensitivity = "restricted"
            let witness = try await People(database: db).create(hidden, by: .coordinator)
            let hamza = try await People(database: db).create(PersonInput(name: "Bedri Hamza"), by: .coordinator)
            var meeting = EngagementInput(kind: "meeting", title: "Meeting with the mayor", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.placeID = place.id
            meeting.participants = [ParticipantInput(personID: hamza.id, part: "host"), ParticipantInput(personID: witness.id)]
            let engagement = try await Engagements(database: db).create(meeting, by: .coordinator)

            let forOfficer = try await Engagements(database: db).history(engagement.id, by: .officer, language: "sq")
            #expect(forOfficer.names[place.id] == "Mitrovicë e Jugut" && forOfficer.names[hamza.id] == "Bedri Hamza")
            #expect(forOfficer.names[witness.id] == nil)
            let forCoordinator = try await Engagements(database: db).history(engagement.id, by: .coordinator)
            #expect(forCoordinator.names[witness.id] == "A. Witness" && forCoordinator.names[place.id] == "Mitrovica South")
        }
    }
}
