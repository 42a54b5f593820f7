import Domain
import FluentKit
import Foundation
import Storage

public struct AgreementDocument: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var byteCount: Int
    public var addedAt: Date
}

/// An agreement's documents: PDFs checked from their content, kept in the file folder (a `documents`
/// folder beside the photos), readable by whoever may read the agreement.
public struct AgreementDocuments: Sendable {
    public let database: any Database
    public let store: PhotoStore

    public init(database: any Database, store: PhotoStore) {
        self.database = database
        self.store = store
    }

    public func list(of agreementID: UUID, by actor: Actor) async throws -> [AgreementDocument] {
        _ = try await Agreements(database: database).find(agreementID, by: actor)
        return try await AgreementDocumentModel.query(on: database).filter(\.$agreementID == agreementID).sort(\.$createdAt).all()
            .map { AgreementDocument(id: $0.id!, title: $0.title, byteCount: $0.byteCount, addedAt: $0.createdAt) }
    }

    public func add(_ bytes: [UInt8], title: String?, to agreementID: UUID, by actor: Actor, now: Date = Date()) async throws -> AgreementDocument {
        try actor.require(.writeRecords)
        var v = Validator()
        let title = v.text(title, "title", required: true, max: 200)
        v.check(bytes.count <= PDFFile.maximumBytes, "file", "document.tooLarge")
        if bytes.count <= PDFFile.maximumBytes { v.check(PDFFile.isPDF(bytes), "file", "document.notAPDF") }
        try v.throwIfInvalid()
        let agreement = try await Agreements(database: database).find(agreementID, by: actor, includeDeleted: false)
        let model = AgreementDocumentModel()
        model.id = UUID()
        model.agreementID = agreementID
        model.title = title!
        model.fileName = "agreement-\(model.id!.uuidString.lowercased()).pdf"
        model.byteCount = bytes.count
        model.createdAt = now
        // The file first, then the row; the file goes again if the row cannot be written.
        try store.write(bytes, named: model.fileName)
        do {
            try await database.transaction { tx in
                try await model.create(on: tx)
                try await AuditTrail.record(.update, by: actor, recordType: Agreements.recordType, recordID: agreementID, recordLabel: agreement.title,
                                            changes: [FieldChange(field: "document", from: nil, to: model.title)], at: now, on: tx)
            }
        } catch {
            store.remove(model.fileName)
            throw error
        }
        return AgreementDocument(id: model.id!, title: model.title, byteCount: model.byteCount, addedAt: now)
    }

    public func file(_ id: UUID, by actor: Actor) async throws -> (title: String, data: Data) {
        guard let model = try await AgreementDocumentModel.find(id, on: database) else { throw DomainError.notFound("document") }
        _ = try await Agreements(database: database).find(model.agreementID, by: actor, includeDeleted: false)
        return (model.title, try store.read(model.fileName))
    }

    /// The agreement a document belongs to (to go back to its page).
    public func agreement(of id: UUID) async throws -> UUID? {
        try await AgreementDocumentModel.find(id, on: database)?.agreementID
    }

    public func remove(_ id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        guard let model = try await AgreementDocumentModel.find(id, on: database) else { throw DomainError.notFound("document") }
        let agreement = try await Agreements(database: database).find(model.agreementID, by: actor, includeDeleted: false)
        try await database.transaction { tx in
            try await model.delete(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Agreements.recordType, recordID: model.agreementID, recordLabel: agreement.title,
                                        changes: [FieldChange(field: "document", from: model.title, to: nil)], at: now, on: tx)
        }
        store.remove(model.fileName)
    }
}
