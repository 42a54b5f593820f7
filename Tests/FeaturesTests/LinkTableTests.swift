import Domain
@testable import Features
import Foundation
import Storage
import Testing

/// The tables that only link two records (an event to its places, a working group to its meetings), on either
/// database: a save replaces a record's links, each kept once; they are read from either end; a link added
/// twice is there once.
@Suite("Link tables")
struct LinkTableTests {
    @Test func anEventsPlacesAreReplacedOnEachSaveAndReadFromEitherEnd() async throws {
        try await withDatabase { db in
            let places = Places(database: db, language: "sq")
            let kosovo = try await places.create(PlaceInput(kind: "country", names: ["en": "Kosovo"]), by: .officer)
            let south = try await places.create(PlaceInput(kind: "municipality", parentID: kosovo.id,
                                                           names: ["en": "Mitrovica South", "sq": "Mitrovicë e Jugut"]), by: .officer)
            let north = try await places.create(PlaceInput(kind: "municipality", parentID: kosovo.id,
                                                           names: ["en": "North Mitrovica", "sq": "Mitrovicë e Veriut"]), by: .officer)
            let events = ContextEvents(database: db, language: "sq")
            var input = ContextEventInput(title: "Bridge closed to traffic", kind: "clash", severity: "high", startsOn: "2023-05-29")
            input.placeIDs = [north.id, south.id, north.id]
            let event = try await events.create(input, by: .officer)

            #expect(try await ContextEventPlaceModel.targets(of: event.id, on: db).count == 2, "a place named twice is linked once")
            #expect(event.summary.places.map(\.name) == ["Mitrovicë e Jugut", "Mitrovicë e Veriut"], "by name, in the reader's language")
            #expect(try await ContextEventPlaceModel.owners(linkedTo: [south.id], on: db) == [event.id])

            input.placeIDs = [south.id]
            let edited = try await events.update(event.id, input, expectedVersion: event.version, by: .officer)
            #expect(edited.summary.places.map(\.id) == [south.id])
            #expect(try await ContextEventPlaceModel.owners(linkedTo: [north.id], on: db).isEmpty, "the place taken off is no longer linked")
            let history = try await events.history(event.id, by: .officer)
            #expect(history.entries.count == 2, "the change of places is in the history")
        }
    }

    @Test func aMeetingAddedTwiceToAWorkingGroupIsLinkedOnce() async throws {
        try await withDatabase { db in
            let meeting = try await Engagements(database: db).create(
                EngagementInput(kind: "meeting", title: "Language commissioners' round table", start: "2023-06-02T10:00", timeZone: "Europe/Belgrade"),
                by: .coordinator)
            let group = try await WorkingGroups(database: db).create(WorkingGroupInput(name: "Language rights"), by: .coordinator)
            #expect(try await WorkingGroupMeetingModel.add(meeting.id, to: group.id, on: db))
            #expect(try await WorkingGroupMeetingModel.add(meeting.id, to: group.id, on: db) == false)
            #expect(try await WorkingGroupMeetingModel.targets(of: group.id, on: db) == [meeting.id])
            #expect(try await WorkingGroupMeetingModel.targets(of: [group.id, UUID()], on: db) == [group.id: [meeting.id]],
                    "a record with no links is not listed")
        }
    }
}
