import Domain
import FluentKit
import Foundation

/// One step of a record's status, with the day it took effect: an agreement signed, a recommendation adopted.
/// Steps are only ever added, when a save moves the status, and are read in the order they took effect; those
/// two rules are written here once for every kind whose status keeps a history.
public protocol StatusStepModel: Model where IDValue == UUID {
    associatedtype Status: Codable & Sendable & Equatable
    typealias Owner = KeyPath<Self, FieldProperty<Self, UUID>>

    /// The record whose status this is.
    static var owner: Owner { get }
    var status: Status { get set }
    var effectiveOn: Day { get set }
    /// When the step was written, which orders two steps that took effect on one day.
    var recordedAt: Date { get set }
}

extension StatusStepModel {
    /// Adds a step when a save moved the status (a new record's first status is a move from none). The day is
    /// the one the user gave, else today.
    public static func record(_ status: Status, of owner: UUID, movedFrom previous: Status?, effectiveOn day: Day?,
                              now: Date, on db: any Database) async throws {
        guard previous != status else { return }
        let step = Self()
        step.id = UUID()
        step[keyPath: Self.owner].wrappedValue = owner
        step.status = status
        step.effectiveOn = day ?? Day(utc: now)
        step.recordedAt = now
        try await step.create(on: db)
    }

    /// A record's steps, earliest first.
    public static func steps(of owner: UUID, on db: any Database) async throws -> [Self] {
        try await query(on: db).filter(Self.owner == owner).all()
            .sorted { ($0.effectiveOn, $0.recordedAt) < ($1.effectiveOn, $1.recordedAt) }
    }
}
