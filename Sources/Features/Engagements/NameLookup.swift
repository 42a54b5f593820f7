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
