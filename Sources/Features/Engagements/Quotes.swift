import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct QuoteRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var speaker: RecordRef?
    public var speakerLabel: String?
    public var text: String
    public var language: String
    public var withheld: Bool
    /// Whether it may be published, from the speaker's consent to be quoted and the quote's own mark.
    public var publication: QuoteRule.Verdict
}

/// What was said at engagements. A quote by a restricted person is as invisible as they are.
public struct Quotes: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// With a capture, the quote is added once however often it is sent.
    public func add(_ input: QuoteInput, to engagementID: UUID, by actor: Actor, now: Date = Date(),
                    capture: Capture? = nil) async throws -> QuoteRecord {
        try actor.require(.writeRecords)
        var v = Validator()
        let text = v.text(input.text, "text", required: true, max: 5_000)
        let label = v.text(input.speakerLabel, "speakerLabel", max: 200)
        let language = input.language.trimmingWhitespace()
        v.check(PlaceNames.isLanguageTag(language), "language", "language.invalid")
        v.check(input.speakerID != nil || label != nil, "speakerLabel", "quote.speakerRequired")
        try v.throwIfInvalid()
        let model = QuoteModel()
        model.id = UUID()
        model.engagementID = engagementID
        model.speakerID = input.speakerID
        model.speakerLabel = input.speakerID == nil ? label : nil
        model.text = text!
        model.language = language
        model.withheld = input.withheld
        model.createdAt = now
        let title = try? await Engagements(database: database).find(engagementID, by: actor, includeDeleted: false).title
        let id = try await Captures.once(capture, recordType: "quote", label: title, by: actor, now: now, on: database) { tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            if let speaker = input.speakerID, !(try await People(database: tx).isVisible(speaker, to: actor)) {
                throw DomainError.invalid([FieldIssue(field: "speakerID", "reference.unknown")])
            }
            try await model.create(on: tx)
            // The speaker by identity, not name: the history is read by people who may not see every speaker.
            try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagementID, recordLabel: engagement.title,
                                        changes: [FieldChange(field: "quote", from: nil, to: "\(input.speakerID?.uuidString ?? label ?? ""): \(text!)")],
                                        at: now, on: tx)
            return model.id!
        }
        guard let quote = try await of(engagementID: engagementID, by: actor).first(where: { $0.id == id }) else {
            throw DomainError.notFound("quote")
        }
        return quote
    }

    public func remove(_ id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            guard let model = try await QuoteModel.find(id, on: tx) else { throw DomainError.notFound("quote") }
            let engagement = try await Engagements(database: tx).find(model.engagementID, by: actor, includeDeleted: false, on: tx)
            if let speaker = model.speakerID, !(try await People(database: tx).isVisible(speaker, to: actor)) { throw DomainError.notFound("quote") }
            try await model.delete(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagement.id, recordLabel: engagement.title,
                                        changes: [FieldChange(field: "quote", from: model.text, to: nil)], at: now, on: tx)
        }
    }

    /// The quotes of one engagement the actor may see, in the order they were recorded.
    func of(engagementID: UUID, by actor: Actor) async throws -> [QuoteRecord] {
        let sql = database.sql
        let rows = try await sql.select()
            .columns(["id", "speaker_id", "speaker_label", "text", "language", "withheld"].map { SQLColumn($0, table: QuoteModel.schema) })
            .column(SQLColumn("name", table: PersonModel.schema)).column(SQLColumn("sensitivity", table: PersonModel.schema))
            .column(SQLColumn("deleted_at", table: PersonModel.schema)).column(SQLColumn("consent_quoted", table: PersonModel.schema))
            .from(QuoteModel.schema)
            .join(PersonModel.schema, method: SQLJoinMethod.left, on: SQLColumn("id", table: PersonModel.schema), .equal, SQLColumn("speaker_id", table: QuoteModel.schema))
            .where(SQLColumn("engagement_id", table: QuoteModel.schema), .equal, SQLBind(engagementID))
            .orderBy(SQLColumn("created_at", table: QuoteModel.schema))
            .all()
        var quotes: [QuoteRecord] = []
        for row in rows {
            let speakerID = try row.decode(column: "speaker_id", as: UUID?.self)
            var speaker: RecordRef?
            var consent: ConsentAnswer?
            if let speakerID {
                // A quote by someone the actor may not see is left out with them.
                guard try row.decodeNil(column: "deleted_at"), actor.canSee(try row.decode(column: "sensitivity", as: Sensitivity.self)) else { continue }
                speaker = RecordRef(id: speakerID, name: try row.decode(column: "name", as: String.self))
                consent = try row.decode(column: "consent_quoted", as: ConsentAnswer.self)
            }
            let withheld = try row.decode(column: "withheld", as: Bool.self)
            quotes.append(QuoteRecord(
                id: try row.decode(column: "id", as: UUID.self), speaker: speaker, speakerLabel: try row.decode(column: "speaker_label", as: String?.self),
                text: try row.decode(column: "text", as: String.self), language: try row.decode(column: "language", as: String.self),
                withheld: withheld, publication: QuoteRule.verdict(consentToBeQuoted: consent, withheld: withheld)
            ))
        }
        return quotes
    }
}
