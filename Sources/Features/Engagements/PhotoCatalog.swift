import Domain
import FluentKit
import Foundation
import Storage

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
