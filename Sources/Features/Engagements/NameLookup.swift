import Domain
import FluentKit
import Foundation
import Storage

/// Finds the people and organisations a user typed by name ("Bedri Hamza", "бедри хамза", "UNMIK"), through
/// the registry's folded name index, among the records the user may see. Used by the quick engagement
/// form, which must work on a phone without scripts.
public struct NameLookup: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public enum Match: Sendable, Equatable {
        case found(RecordRef)
        case none
        case several([RecordRef])
    }

    /// - Parameter preferring: records already chosen (an engagement's participants when it is edited),
    ///   which settle a name that several records share.
    public func person(_ typed: String, by actor: Actor, preferring: Set<UUID> = []) async throws -> Match {
        var query = People.Query()
        query.text = typed
        query.perPage = 20
        let rows = try await People(database: database).list(query, by: actor, today: Day(year: 2000, month: 1, day: 1)!).items
        return choose(typed, rows.map { RecordRef(id: $0.id, name: $0.name) }, preferring: preferring)
    }

    public func organization(_ typed: String, by actor: Actor, preferring: Set<UUID> = []) async throws -> Match {
        var query = Organizations.Query()
        query.text = typed
        query.perPage = 20
        let rows = try await Organizations(database: database).list(query, by: actor).items
        return choose(typed, rows.map { RecordRef(id: $0.id, name: $0.name) }, preferring: preferring, otherNames: Dictionary(
            uniqueKeysWithValues: rows.map { ($0.id, $0.otherNames) }))
    }

    /// Whom a typed name stands for, or the problem to show at the field (no one, or several).
    public enum Resolution: Sendable, Equatable {
        case found(RecordRef)
        case problem(FieldIssue)
    }

    public func resolvePerson(_ typed: String, field: String, by actor: Actor, preferring: Set<UUID> = []) async throws -> Resolution {
        Self.resolution(try await person(typed, by: actor, preferring: preferring), typed: typed, field: field,
                        unknown: "engagement.participantUnknown", ambiguous: "engagement.participantAmbiguous")
    }

    public func resolveOrganization(_ typed: String, field: String, by actor: Actor, preferring: Set<UUID> = []) async throws -> Resolution {
        Self.resolution(try await organization(typed, by: actor, preferring: preferring), typed: typed, field: field,
                        unknown: "engagement.organizationUnknown", ambiguous: "engagement.organizationAmbiguous")
    }

    /// Many names, one per item: the people found (each once, in order) and the problems with the rest.
    public func resolvePeople(_ names: [String], field: String, by actor: Actor, preferring: Set<UUID> = []) async throws -> (ids: [UUID], issues: [FieldIssue]) {
        var ids: [UUID] = []
        var issues: [FieldIssue] = []
        for name in names {
            switch try await resolvePerson(name, field: field, by: actor, preferring: preferring) {
            case .found(let ref): if !ids.contains(ref.id) { ids.append(ref.id) }
            case .problem(let issue): issues.append(issue)
            }
        }
        return (ids, issues)
    }

    static func resolution(_ match: Match, typed: String, field: String, unknown: String, ambiguous: String) -> Resolution {
        switch match {
        case .found(let ref): .found(ref)
        case .none: .problem(FieldIssue(field: field, unknown, typed))
        case .several(let refs): .problem(FieldIssue(field: field, ambiguous, typed, refs.map(\.name).joined(separator: ", ")))
        }
    }

    /// One candidate is the answer; among several, a name spelled out in full (folded) or an earlier
    /// choice settles it.
    func choose(_ typed: String, _ candidates: [RecordRef], preferring: Set<UUID>, otherNames: [UUID: [String]] = [:]) -> Match {
        guard !NameFolding.fold(typed).isEmpty, !candidates.isEmpty else { return .none }
        if candidates.count == 1 { return .found(candidates[0]) }
        let folded = NameFolding.fold(typed)
        let exact = candidates.filter { candidate in
            ([candidate.name] + (otherNames[candidate.id] ?? [])).contains { NameFolding.fold($0) == folded }
        }
        if exact.count == 1 { return .found(exact[0]) }
        let preferred = (exact.isEmpty ? candidates : exact).filter { preferring.contains($0.id) }
        if preferred.count == 1 { return .found(preferred[0]) }
        return .several(Array((exact.isEmpty ? candidates : exact).prefix(3)))
    }
}
