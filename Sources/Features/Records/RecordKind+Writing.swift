import Domain
import FluentKit
import Foundation
import Storage

/// The save sequence every kind shares: permission, validation, version check, write, parts, audit entry
/// and search document — in one transaction, so a change and its history are stored together or not at all.
extension RecordKind {
    /// With a capture, sending it again makes nothing new: the record the first send made is answered
    /// (a resend with other content is refused and kept for its author to review).
    public func create(_ input: Input, by actor: Actor, now: Date = Date(), capture: Capture? = nil) async throws -> Record {
        try actor.require(Self.writePermission)
        if let capture, let earlier = try await Captures.earlier(capture, by: actor, on: database) {
            return try await replay(earlier, capture, by: actor, now: now)
        }
        let model = makeModel()
        model.id = UUID()
        model.createdAt = now
        model.updatedAt = now
        model.version = 1
        do {
            try await database.transaction { tx in
                let valid = try await validate(input, existing: nil, by: actor, on: tx)
                let applied = apply(valid, to: model, now: now)
                try requireWritable(model, by: actor)
                try await model.create(on: tx)
                try await writeParts(valid, applied, of: model, by: actor, now: now, on: tx)
                let changes = FieldChange.between([], try await auditFields(model, on: tx))
                try await audit(.create, model, changes: changes, by: actor, now: now, on: tx)
                if let capture {
                    try await Captures.claim(capture, recordType: Self.recordType, recordID: model.id!, by: actor, now: now, on: tx)
                }
            }
        } catch {
            // Two sends of one capture at once: the later one waited on the capture's unique key, failed, and
            // now finds what the first made.
            guard let capture, let earlier = try await Captures.earlier(capture, by: actor, on: database) else { throw error }
            return try await replay(earlier, capture, by: actor, now: now)
        }
        return try await record(model, by: actor)
    }

    /// A capture sent again: what the first send made, or — with other content — a refusal, kept for review
    /// under the name of the record the first send made.
    private func replay(_ earlier: CaptureModel, _ capture: Capture, by actor: Actor, now: Date) async throws -> Record {
        let made = earlier.recordType == Self.recordType
            ? try? await find(earlier.recordID, by: actor, includeDeleted: true, on: database) : nil
        let name = try await made.asyncMap { try await label(of: $0, on: database) }
        _ = try await Captures.replay(earlier, capture, recordType: Self.recordType, label: name, by: actor, now: now, on: database)
        // What the first send made was deleted since (or erased, or is no longer the sender's to see): it is
        // not made again, and the answer says so — never a "created" that names a record no longer there.
        guard let made, made.deletedAt == nil else {
            throw DomainError.conflict(FieldIssue(field: "capture", Capture.deletedSince))
        }
        return try await record(made, by: actor)
    }

    /// Saves a change made to `expectedVersion`; a save that changes nothing leaves the record (and its
    /// version) as it was.
    public func update(_ id: UUID, _ input: Input, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> Record {
        try actor.require(Self.writePermission)
        do {
            let model: Model = try await database.transaction { tx in
                let model = try await find(id, by: actor, includeDeleted: false, on: tx)
                try requireWritable(model, by: actor)
                let valid = try await validate(input, existing: model, by: actor, on: tx)
                try requireVersion(expectedVersion, current: model.version)
                let before = try await auditFields(model, on: tx)
                let applied = apply(valid, to: model, now: now)
                model.updatedAt = now
                try requireWritable(model, by: actor)
                try await writeParts(valid, applied, of: model, by: actor, now: now, on: tx)
                let changes = FieldChange.between(before, try await auditFields(model, on: tx))
                // Nothing changed: undo the parts rewritten on the way, keep the version.
                guard !changes.isEmpty else { throw Unchanged() }
                model.version += 1
                try await model.update(on: tx)
                try await audit(.update, model, changes: changes, by: actor, now: now, on: tx)
                return model
            }
            return try await record(model, by: actor)
        } catch is Unchanged {
            return try await get(id, by: actor)
        }
    }

    /// Soft delete: the record leaves lists and pages, and those who may restore it can bring it back.
    /// Without `expectedVersion` the delete does not check the version.
    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(Self.writePermission)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            try requireWritable(model, by: actor)
            try await requireDeletable(model, on: tx)
            let label = try await label(of: model, on: tx)
            try await SoftDelete.delete(model, recordType: Self.recordType, label: label, expectedVersion: expectedVersion, by: actor, now: now, on: tx)
            try await didChange(.delete, model, label: label, by: actor, now: now, on: tx)
        }
    }

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> Record {
        try actor.require(.restoreRecords)
        let model: Model = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            guard model.deletedAt != nil else { return model }
            let label = try await label(of: model, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, label: label, by: actor, now: now, on: tx)
            try await didChange(.restore, model, label: label, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model, by: actor)
    }

    private func audit(_ action: AuditAction, _ model: Model, changes: [FieldChange], by actor: Actor, now: Date, on tx: any Database) async throws {
        let label = try await label(of: model, on: tx)
        try await AuditTrail.record(action, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: label, changes: changes, at: now, on: tx)
        try await didChange(action, model, label: label, by: actor, now: now, on: tx)
    }
}

/// Thrown inside a save's transaction when nothing changed, so that nothing written on the way stays.
private struct Unchanged: Error {}
