import Domain
import FluentKit
import Foundation
import Storage

/// Photos of engagements. The type comes from the content (JPEG, PNG or WebP, up to 15 MB); location,
/// camera and other metadata are removed before anything is stored. A photo is as visible as its
/// engagement — and it shows a face: a photo of a restricted person is hidden from roles that may not see them.
public struct Photos: Sendable {
    public let database: any Database
    public let store: PhotoStore

    public init(database: any Database, store: PhotoStore) {
        self.database = database
        self.store = store
    }

    public func add(_ input: PhotoInput, to engagementID: UUID, by actor: Actor, now: Date = Date()) async throws -> PhotoRecord {
        try actor.require(.writeRecords)
        var v = Validator()
        v.check(input.bytes.count <= ImageFile.maximumBytes, "file", "photo.tooLarge")
        let caption = v.text(input.caption, "caption", max: 1_000)
        let credit = v.text(input.credit, "credit", max: 200)
        v.check(input.peopleShown.count <= 50, "peopleShown", "field.tooMany", "50")
        try v.throwIfInvalid()
        let image: (kind: ImageFile.Kind, bytes: [UInt8])
        do {
            image = try ImageFile.stripped(input.bytes)
        } catch {
            throw DomainError.invalid([FieldIssue(field: "file", error == .damaged ? "photo.damaged" : "photo.notAnImage")])
        }
        guard let size = ImageFile.dimensions(of: image.bytes) else { throw DomainError.invalid([FieldIssue(field: "file", "photo.damaged")]) }
        guard size.width * size.height <= ImageFile.maximumPixels else {
            throw DomainError.invalid([FieldIssue(field: "file", "photo.tooManyPixels", String(ImageFile.maximumPixels / 1_000_000))])
        }
        let engagement = try await Engagements(database: database).find(engagementID, by: actor, includeDeleted: false)
        for person in Set(input.peopleShown) where !(try await People(database: database).isVisible(person, to: actor)) {
            throw DomainError.invalid([FieldIssue(field: "peopleShown", "reference.unknown")])
        }
        let id = UUID()
        let name = "\(id.uuidString.lowercased()).\(image.kind.fileExtension)"
        try store.write(image.bytes, named: name)
        let small = await store.makeSmall(from: name, kind: image.kind)
        let model = PhotoModel()
        model.id = id
        model.engagementID = engagementID
        model.kind = image.kind
        model.fileName = name
        model.smallFileName = small
        model.byteCount = image.bytes.count
        model.caption = caption
        model.credit = credit
        model.peopleShownJSON = JSONList.encode(Array(Set(input.peopleShown)).map(\.uuidString).sorted())
        model.createdAt = now
        do {
            try await database.transaction { tx in
                try await model.create(on: tx)
                try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagementID, recordLabel: engagement.title,
                                            changes: [FieldChange(field: "photo", from: nil, to: caption ?? name)], at: now, on: tx)
            }
        } catch {
            // Nothing half-stored: without its row, the file goes too.
            store.remove(name)
            if let small { store.remove(small) }
            throw error
        }
        return try await PhotoCatalog(database: database).record(model, by: actor)!
    }

    public func remove(_ id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        let model = try await find(id, by: actor)
        let engagement = try await Engagements(database: database).find(model.engagementID, by: actor, includeDeleted: false)
        try await database.transaction { tx in
            try await model.delete(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagement.id, recordLabel: engagement.title,
                                        changes: [FieldChange(field: "photo", from: model.caption ?? model.fileName, to: nil)], at: now, on: tx)
        }
        store.remove(model.fileName)
        if let small = model.smallFileName { store.remove(small) }
    }

    /// The photo's row, when the actor may see it; not found otherwise.
    public func find(_ id: UUID, by actor: Actor) async throws -> PhotoModel {
        guard let model = try await PhotoModel.find(id, on: database) else { throw DomainError.notFound("photo") }
        _ = try await Engagements(database: database).find(model.engagementID, by: actor)
        guard try await PhotoCatalog(database: database).record(model, by: actor) != nil else { throw DomainError.notFound("photo") }
        return model
    }

    /// The image bytes (or the small copy) and its media type, for someone who may see the photo.
    public func file(_ id: UUID, small: Bool, by actor: Actor) async throws -> (data: Data, mediaType: String) {
        let model = try await find(id, by: actor)
        return (try store.read(small ? (model.smallFileName ?? model.fileName) : model.fileName), model.kind.mediaType)
    }
}
