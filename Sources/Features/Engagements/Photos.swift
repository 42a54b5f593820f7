import Domain
import FluentKit
import Foundation
import Storage

public struct PhotoInput: Sendable, Equatable {
    public var bytes: [UInt8]
    public var caption: String?
    public var credit: String?
    public var peopleShown: [UUID]

    public init(bytes: [UInt8], caption: String? = nil, credit: String? = nil, peopleShown: [UUID] = []) {
        self.bytes = bytes
        self.caption = caption
        self.credit = credit
        self.peopleShown = peopleShown
    }
}

public struct PhotoRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var engagement: UUID
    public var mediaType: String
    public var byteCount: Int
    public var caption: String?
    public var credit: String?
    public var peopleShown: [RecordRef]
    public var hasSmallCopy: Bool
}

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

/// Reading which photos an actor may see (no files involved).
struct PhotoCatalog {
    let database: any Database

    /// An engagement's photos the actor may see, with the people shown read for all of them in one query.
    func of(engagementID: UUID, by actor: Actor) async throws -> [PhotoRecord] {
        let models = try await PhotoModel.query(on: database).filter(\.$engagementID == engagementID).sort(\.$createdAt).all()
        let people = try await shown(in: models)
        return models.compactMap { record($0, people: people, by: actor) }
    }

    /// Nil when the photo shows someone the actor may not see.
    func record(_ model: PhotoModel, by actor: Actor) async throws -> PhotoRecord? {
        record(model, people: try await shown(in: [model]), by: actor)
    }

    private static func ids(_ model: PhotoModel) -> [UUID] {
        JSONList.decode(model.peopleShownJSON).compactMap(UUID.init(uuidString:))
    }

    private func shown(in models: [PhotoModel]) async throws -> [UUID: PersonModel] {
        let ids = Array(Set(models.flatMap(Self.ids)))
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await PersonModel.query(on: database).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
    }

    private func record(_ model: PhotoModel, people: [UUID: PersonModel], by actor: Actor) -> PhotoRecord? {
        var shown: [RecordRef] = []
        for id in Self.ids(model) {
            guard let person = people[id] else { continue }
            if !actor.canSee(person.sensitivity) { return nil }
            if person.deletedAt == nil { shown.append(RecordRef(id: id, name: person.name)) }
        }
        return PhotoRecord(id: model.id!, engagement: model.engagementID, mediaType: model.kind.mediaType,
                           byteCount: model.byteCount, caption: model.caption, credit: model.credit,
                           peopleShown: shown.sorted { $0.name < $1.name }, hasSmallCopy: model.smallFileName != nil)
    }
}
