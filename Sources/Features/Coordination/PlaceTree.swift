import Domain
import FluentKit
import Foundation
import Storage

/// The places as a tree, for "this place or any place within it" and for a place's region and municipality.
struct PlaceTree {
    var parent: [UUID: UUID]
    var kind: [UUID: PlaceKind]

    var ids: [UUID] { Array(kind.keys) }

    static func load(_ database: any Database) async throws -> PlaceTree {
        let places = try await PlaceModel.query(on: database).filter(\.$deletedAt == nil).all()
        var tree = PlaceTree(parent: [:], kind: [:])
        for place in places {
            tree.kind[place.id!] = place.kind
            if let parent = place.$parent.id { tree.parent[place.id!] = parent }
        }
        return tree
    }

    func descendants(of id: UUID) -> Set<UUID> {
        var children: [UUID: [UUID]] = [:]
        for (child, parent) in parent { children[parent, default: []].append(child) }
        var found: Set<UUID> = [id], queue = [id]
        while let next = queue.popLast() {
            for child in children[next] ?? [] where found.insert(child).inserted { queue.append(child) }
        }
        return found
    }

    /// The region and the municipality a place lies in (itself when it is one).
    func adminLevels(of id: UUID) -> (UUID?, UUID?) {
        var region: UUID?, municipality: UUID?
        var current: UUID? = id
        var steps = 0
        while let place = current, steps < 10 {
            switch kind[place] {
            case .region: region = region ?? place
            case .municipality: municipality = municipality ?? place
            default: break
            }
            current = parent[place]
            steps += 1
        }
        return (region, municipality)
    }
}
