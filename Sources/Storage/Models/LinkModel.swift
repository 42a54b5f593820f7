import FluentKit
import Foundation

/// A row that links one record to another and holds nothing else: an event to a place it happened in, a
/// recommendation to an institution it is addressed to. The record that owns the links replaces them all on
/// each save, and they are read in either direction; those steps are written here once for every such table.
public protocol LinkModel: Model where IDValue == UUID {
    typealias Link = KeyPath<Self, FieldProperty<Self, UUID>>

    /// The record the links belong to (the event), and the one each points at (the place).
    static var owner: Link { get }
    static var target: Link { get }
}

extension LinkModel {
    /// A new link, with an identity of its own, from `owner` to `target`.
    public init(owner: UUID, target: UUID) {
        self.init()
        id = UUID()
        self[keyPath: Self.owner].wrappedValue = owner
        self[keyPath: Self.target].wrappedValue = target
    }

    /// What one record links to.
    public static func targets(of owner: UUID, on db: any Database) async throws -> [UUID] {
        try await query(on: db).filter(Self.owner == owner).all().map { $0[keyPath: Self.target].wrappedValue }
    }

    /// What each of these records links to, by record (a record with no links is not a key).
    public static func targets(of owners: [UUID], on db: any Database) async throws -> [UUID: [UUID]] {
        guard !owners.isEmpty else { return [:] }
        var targets: [UUID: [UUID]] = [:]
        for link in try await query(on: db).filter(Self.owner ~~ owners).all() {
            targets[link[keyPath: Self.owner].wrappedValue, default: []].append(link[keyPath: Self.target].wrappedValue)
        }
        return targets
    }

    /// The records that link to any of these.
    public static func owners(linkedTo targets: [UUID], on db: any Database) async throws -> [UUID] {
        try await query(on: db).filter(Self.target ~~ targets).all().map { $0[keyPath: Self.owner].wrappedValue }
    }

    /// Replaces all of a record's links with links to these, each once.
    public static func replace(targetsOf owner: UUID, with targets: [UUID], on db: any Database) async throws {
        try await query(on: db).filter(Self.owner == owner).delete()
        for target in Set(targets) { try await Self(owner: owner, target: target).create(on: db) }
    }

    /// Links a record to one more, unless it is linked already; whether it was added.
    public static func add(_ target: UUID, to owner: UUID, on db: any Database) async throws -> Bool {
        guard try await query(on: db).filter(Self.owner == owner).filter(Self.target == target).first() == nil else { return false }
        try await Self(owner: owner, target: target).create(on: db)
        return true
    }
}
