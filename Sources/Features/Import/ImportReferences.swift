import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The records an import's rows may name (places, communities, organisations, people), read once and
/// looked up by folded name — only those the importing user may see.
struct ImportReferences: Sendable {
    enum Lookup: Equatable {
        case found(UUID)
        case none
        case several(Int)
    }

    var places: [String: [UUID]] = [:]
    var communities: [String: [UUID]] = [:]
    var organizations: [String: [UUID]] = [:]
    var people: [String: [UUID]] = [:]
    var organizationNames: [UUID: String] = [:]
    var personNames: [UUID: String] = [:]

    func lookup(_ table: [String: [UUID]], _ name: String) -> Lookup {
        let ids = Array(Set(table[Self.key(name)] ?? []))
        switch ids.count {
        case 0: return .none
        case 1: return .found(ids[0])
        default: return .several(ids.count)
        }
    }

    /// Folded words in order: "Hamza Bedri" is not "Bedri Hamza" for a look-up (it is for duplicates).
    static func key(_ name: String) -> String { NameFolding.fold(name) }

    static func load(_ kind: ImportKind, by actor: Actor, on database: any Database) async throws -> ImportReferences {
        let sql = database.sql
        var references = ImportReferences()
        for row in try await sql.raw("SELECT pn.place_id, pn.name FROM place_names pn JOIN places p ON p.id = pn.place_id WHERE p.deleted_at IS NULL").all() {
            references.places[key(try row.decode(column: "name", as: String.self)), default: []].append(try row.decode(column: "place_id", as: UUID.self))
        }
        for community in try await CommunityModel.query(on: database).filter(\.$deletedAt == .null).all() {
            references.communities[key(community.name), default: []].append(community.id!)
        }
        if kind != .people {
            for row in try await sql.raw("SELECT id, name, other_names FROM organizations WHERE deleted_at IS NULL").all() {
                let id = try row.decode(column: "id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
                references.organizationNames[id] = name
                for written in [name] + JSONList.decode(try row.decode(column: "other_names", as: String.self)) {
                    references.organizations[key(written), default: []].append(id)
                }
            }
        }
        if kind == .positions || kind == .engagements {
            let seesRestricted = actor.canSee(.restricted)
            for row in try await sql.raw("SELECT id, name, other_names, sensitivity FROM people WHERE deleted_at IS NULL").all() {
                let sensitivity = try row.decode(column: "sensitivity", as: String.self)
                guard seesRestricted || sensitivity == Sensitivity.normal.rawValue else { continue }
                let id = try row.decode(column: "id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
                references.personNames[id] = name
                for written in [name] + JSONList.decode(try row.decode(column: "other_names", as: String.self)) {
                    references.people[key(written), default: []].append(id)
                }
            }
        }
        return references
    }

    /// The live records of a kind, filed for duplicate suggestions (people the user may see; organisations).
    static func duplicateIndex(_ kind: ImportKind, by actor: Actor, on database: any Database) async throws -> (DuplicateIndex<UUID>, [UUID: String]) {
        let sql = database.sql
        var index = DuplicateIndex<UUID>()
        var names: [UUID: String] = [:]
        let table = kind == .people ? "people" : "organizations"
        let seesRestricted = actor.canSee(.restricted)
        let sensitivity: SQLQueryString = kind == .people ? ", sensitivity" : ""
        for row in try await sql.raw("SELECT id, name, other_names\(sensitivity) FROM \(ident: table) WHERE deleted_at IS NULL").all() {
            if kind == .people, !seesRestricted, try row.decode(column: "sensitivity", as: String.self) != Sensitivity.normal.rawValue { continue }
            let id = try row.decode(column: "id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
            names[id] = name
            index.add(id, names: [name] + JSONList.decode(try row.decode(column: "other_names", as: String.self)))
        }
        return (index, names)
    }
}
