import Domain
import FluentKit
import Foundation
import Storage

/// What the publication check reads from a draft: the items that involve people, and who those people are.
extension PublicUpdate {
    /// What the draft would publish that involves people, in reading order.
    static func items(_ visit: FieldVisitRecord, text: PublicUpdateText, _ engagements: [EngagementRecord], _ agreements: [AgreementRecord]) -> [PublicationCheck.Item] {
        var items: [PublicationCheck.Item] = visit.people.map { .participant($0.id, place: "delegation") }
        for (field, words) in [("headline", text.headline ?? visit.summary.title), ("lead", text.lead ?? visit.purpose), ("closing", text.closing)] {
            if let words { items.append(.text(words, place: field)) }
        }
        // A description goes out as typed too: a name typed into it is caught like any other.
        for label in text.decisions.people.values.compactMap(\.label) { items.append(.text(label, place: "label")) }
        for record in engagements {
            let place = record.summary.title + (record.summary.day.map { " (\($0))" } ?? "")
            items += record.participants.map { .participant($0.person.id, place: place) }
            items += record.quotes.map { .quote(id: $0.id, speaker: $0.speaker?.id, withheld: $0.withheld, place: place) }
            items += record.photos.map { .photo(id: $0.id, shown: $0.peopleShown.map(\.id), place: place) }
            let words = [record.summary.title, record.notes, record.outcomes] + record.quotes.map(\.text) + record.photos.map(\.caption)
            items += words.compactMap { $0 }.map { .text($0, place: place) }
        }
        for agreement in agreements {
            items += agreement.parties.compactMap(\.person).map { .participant($0.id, place: agreement.summary.title) }
            items += [agreement.summary.title, agreement.focus].compactMap { $0 }.map { .text($0, place: agreement.summary.title) }
        }
        return items
    }

    /// Everyone the visit's public engagements and agreements involve, read without the reader's role so
    /// that a restricted person's name is caught in the text even when the reader cannot see them.
    static func subjects(visit: FieldVisitRecord, engagements ids: [UUID], agreements: [AgreementRecord], on database: any Database) async throws -> [UUID: PublicationCheck.Subject] {
        var personIDs = Set(visit.people.map(\.id))
        personIDs.formUnion(agreements.flatMap(\.parties).compactMap(\.person?.id))
        if !ids.isEmpty {
            personIDs.formUnion(try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all().map(\.personID))
            personIDs.formUnion(try await QuoteModel.query(on: database).filter(\.$engagementID ~~ ids).all().compactMap(\.speakerID))
            for photo in try await PhotoModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                personIDs.formUnion(JSONList.decode(photo.peopleShownJSON).compactMap(UUID.init(uuidString:)))
            }
        }
        return try await PublicationSubjects.load(personIDs, on: database)
    }
}
