import Domain
import FluentKit
import Foundation
import Storage

/// One change made to several people at once, from the people list: each person changed exactly as a
/// single edit would change them (the same rules, one audit entry each), all in one transaction — so
/// where any one of them may not be changed, none is, and the refusal names who stopped it.
public struct BulkPeople: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    /// More at once is a sign of a wrong selection; a filter and an import are the tools for more.
    public static let maximum = 200

    public enum Change: Sendable, Equatable {
        case community(UUID?)
        case place(UUID?)
        case sensitivity(Sensitivity)
        /// Joins them to a field visit's delegation.
        case addToVisit(UUID)
        case delete
    }

    /// Applies the change; returns how many people it changed (those who already had the value are left).
    @discardableResult
    public func apply(_ change: Change, to ids: [UUID], by actor: Actor, now: Date = Date()) async throws -> Int {
        try actor.require(.writeRecords)
        let ids = ids.uniqued()
        guard !ids.isEmpty else { throw DomainError.invalid([FieldIssue(field: "id", "bulk.noneSelected")]) }
        guard ids.count <= Self.maximum else {
            throw DomainError.invalid([FieldIssue(field: "id", "bulk.tooMany", String(Self.maximum))])
        }
        return try await database.transaction { tx in
            let people = People(database: tx, language: language)
            if case .addToVisit(let visitID) = change { return try await addToVisit(visitID, ids, people: people, on: tx, by: actor, now: now) }
            var changed = 0
            for id in ids {
                do {
                    changed += try await apply(change, to: id, people: people, by: actor, now: now) ? 1 : 0
                } catch DomainError.notFound, DomainError.gone {
                    throw DomainError.invalid([FieldIssue(field: "id", "bulk.notFound")])
                } catch DomainError.invalid(let issues) {
                    // The person who stopped it is named: the reader can see them, or the find above failed.
                    let name = try await people.get(id, by: actor).name
                    throw DomainError.invalid(issues.map { FieldIssue(field: "id", "bulk.refused", name, "@" + $0.messageKey) })
                }
            }
            return changed
        }
    }

    private func apply(_ change: Change, to id: UUID, people: People, by actor: Actor, now: Date) async throws -> Bool {
        let person = try await people.get(id, by: actor)
        guard !person.isDeleted else { throw DomainError.notFound("person") }
        var input = PersonInput(person)
        switch change {
        case .community(let community):
            guard person.community?.id != community else { return false }
            input.communityID = community
        case .place(let place):
            guard person.place?.id != place else { return false }
            input.placeID = place
        case .sensitivity(let sensitivity):
            guard person.sensitivity != sensitivity.rawValue else { return false }
            // Someone who may not write restricted people may not lift a restriction either.
            if person.isRestricted || sensitivity == .restricted { try people.requireWrite(.restricted, by: actor) }
            input.sensitivity = sensitivity.rawValue
        case .delete:
            try await people.delete(id, expectedVersion: nil, by: actor, now: now)
            return true
        case .addToVisit:
            return false
        }
        _ = try await people.update(id, input, expectedVersion: person.version, by: actor, now: now)
        return true
    }

    /// One change to the visit (its delegation grows), audited as an edit of the visit.
    private func addToVisit(_ visitID: UUID, _ ids: [UUID], people: People, on tx: any Database, by actor: Actor,
                            now: Date) async throws -> Int {
        guard try await people.visibleNames(ids, by: actor).count == ids.count else {
            throw DomainError.invalid([FieldIssue(field: "id", "bulk.notFound")])
        }
        let visits = FieldVisits(database: tx, language: language)
        let visit: FieldVisitRecord
        do { visit = try await visits.get(visitID, by: actor) } catch DomainError.notFound {
            throw DomainError.invalid([FieldIssue(field: "visit", "reference.unknown")])
        }
        guard !visit.isDeleted else { throw DomainError.invalid([FieldIssue(field: "visit", "reference.unknown")]) }
        var input = FieldVisitInput(visit)
        let new = ids.filter { !input.memberPersonIDs.contains($0) }
        guard !new.isEmpty else { return 0 }
        input.memberPersonIDs += new
        do {
            _ = try await visits.update(visitID, input, expectedVersion: visit.version, by: actor, now: now)
        } catch DomainError.invalid(let issues) {
            throw DomainError.invalid(issues.map { issue in
                var moved = issue
                moved.field = "visit"
                return moved
            })
        }
        return new.count
    }
}

extension FieldVisitInput {
    /// The visit as it is, to change one thing in it.
    public init(_ record: FieldVisitRecord) {
        self.init(title: record.summary.title, startsOn: record.summary.startsOn.description,
                  endsOn: record.summary.endsOn.description)
        purpose = record.purpose
        status = record.summary.status.rawValue
        summary = record.notes
        placeIDs = record.places.map(\.id)
        memberUserIDs = record.users.map(\.id)
        memberPersonIDs = record.people.map(\.id)
    }
}
