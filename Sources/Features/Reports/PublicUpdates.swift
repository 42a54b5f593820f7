import Domain
import FluentKit
import Foundation
import Storage

/// The author's part of a public update: headline, opening and closing words, and who is named,
/// anonymised or left out. Version 0 means nothing saved yet.
public struct PublicUpdateText: Sendable, Equatable, Codable {
    public var headline: String?
    public var lead: String?
    public var closing: String?
    public var decisions: PublicationCheck.Decisions
    public var version: Int

    public init(headline: String? = nil, lead: String? = nil, closing: String? = nil,
                decisions: PublicationCheck.Decisions = .init(), version: Int = 0) {
        self.headline = headline
        self.lead = lead
        self.closing = closing
        self.decisions = decisions
        self.version = version
    }
}

/// Reading and saving the author's part of a public update: as visible as the visit, saved against the
/// version it started from, each change in the visit's history.
public struct PublicUpdates: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func get(visit id: UUID, by actor: Actor) async throws -> PublicUpdateText {
        _ = try await FieldVisits(database: database).find(id, by: actor)
        guard let model = try await PublicUpdateModel.query(on: database).filter(\.$visitID == id).first() else { return PublicUpdateText() }
        return Self.text(model)
    }

    public func save(_ input: PublicUpdateText, visit id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> PublicUpdateText {
        try actor.require(.writeRecords)
        var v = Validator()
        let headline = v.text(input.headline, "headline", max: 300)
        let lead = v.text(input.lead, "lead", max: 20_000)
        let closing = v.text(input.closing, "closing", max: 20_000)
        for (person, decision) in input.decisions.people where decision.treatment == .anonymise {
            v.check((decision.label ?? "").count <= 200, "people.\(person.uuidString.lowercased()).label", "field.tooLong", "200")
        }
        try v.throwIfInvalid()
        let decisions = Self.tidy(input.decisions)
        return try await database.transaction { tx in
            let visit = try await FieldVisits(database: tx).find(id, by: actor, includeDeleted: false, on: tx)
            let model = try await PublicUpdateModel.query(on: tx).filter(\.$visitID == id).first() ?? {
                let fresh = PublicUpdateModel()
                fresh.id = UUID()
                fresh.visitID = id
                fresh.decisionsJSON = Self.json(PublicationCheck.Decisions())
                fresh.version = 0
                return fresh
            }()
            try requireVersion(expectedVersion, current: model.version)
            let decisionsJSON = Self.json(decisions)
            let before = [("public update: headline", model.headline), ("public update: opening", model.lead), ("public update: closing", model.closing)]
            let after = [("public update: headline", headline), ("public update: opening", lead), ("public update: closing", closing)]
            var changes = FieldChange.between(before, after)
            if decisionsJSON != model.decisionsJSON {
                changes.append(FieldChange(field: "public update: who is named", from: Self.describe(model.decisionsJSON), to: Self.describe(decisionsJSON)))
            }
            guard !changes.isEmpty else { return Self.text(model) }
            model.headline = headline
            model.lead = lead
            model.closing = closing
            model.decisionsJSON = decisionsJSON
            model.updatedAt = now
            model.version += 1
            try await model.save(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: FieldVisits.recordType, recordID: id, recordLabel: visit.title,
                                        changes: changes, at: now, on: tx)
            return Self.text(model)
        }
    }

    /// "Name" is what a person gets without a decision, so it is not stored; labels only for the anonymised.
    static func tidy(_ decisions: PublicationCheck.Decisions) -> PublicationCheck.Decisions {
        var tidy = decisions
        tidy.people = decisions.people.filter { $0.value.treatment != .name }.mapValues { decision in
            guard decision.treatment == .anonymise else { return PublicationCheck.Decision(decision.treatment) }
            let label = decision.label?.trimmingCharacters(in: .whitespacesAndNewlines)
            return PublicationCheck.Decision(.anonymise, label: label?.isEmpty == false ? label : nil)
        }
        return tidy
    }

    static func json(_ decisions: PublicationCheck.Decisions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(decisions), as: UTF8.self)) ?? "{}"
    }

    /// The decisions in the history as counts and labels, not names: the audit trail is read more widely
    /// than the update, and a restricted person must not surface in it.
    static func describe(_ json: String) -> String? {
        let decisions = (try? JSONDecoder().decode(PublicationCheck.Decisions.self, from: Data(json.utf8))) ?? .init()
        let anonymised = decisions.people.values.filter { $0.treatment == .anonymise }
        let leftOut = decisions.people.values.filter { $0.treatment == .leaveOut }.count
        guard anonymised.count + leftOut + decisions.quotesLeftOut.count + decisions.photosLeftOut.count > 0 else { return nil }
        let labels = Set(anonymised.compactMap(\.label)).sorted()
        return "\(anonymised.count) anonymised" + (labels.isEmpty ? "" : " (" + labels.joined(separator: "; ") + ")")
            + ", \(leftOut) left out; \(decisions.quotesLeftOut.count) quotes and \(decisions.photosLeftOut.count) photos left out"
    }

    static func text(_ model: PublicUpdateModel) -> PublicUpdateText {
        let decisions = (try? JSONDecoder().decode(PublicationCheck.Decisions.self, from: Data(model.decisionsJSON.utf8))) ?? .init()
        return PublicUpdateText(headline: model.headline, lead: model.lead, closing: model.closing, decisions: decisions, version: model.version)
    }
}
