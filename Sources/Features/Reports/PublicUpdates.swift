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

extension PublicUpdateText {
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
}

extension PublicUpdateModel: VisitWritingRow {
    public static var visit: KeyPath<PublicUpdateModel, FieldProperty<PublicUpdateModel, UUID>> { \.$visitID }
}

extension PublicUpdateText: VisitWriting {
    public init() { self.init(headline: nil) }

    public init(_ row: PublicUpdateModel) {
        let decisions = (try? JSONDecoder().decode(PublicationCheck.Decisions.self, from: Data(row.decisionsJSON.utf8))) ?? .init()
        self.init(headline: row.headline, lead: row.lead, closing: row.closing, decisions: decisions, version: row.version)
    }

    public static func newRow(visit: UUID) -> PublicUpdateModel {
        let row = PublicUpdateModel()
        row.id = UUID()
        row.visitID = visit
        row.decisionsJSON = Self.json(PublicationCheck.Decisions())
        row.version = 0
        return row
    }

    public func checked() throws -> PublicUpdateText {
        var v = Validator()
        var checked = checking([(\.headline, "headline", 300), (\.lead, "lead", 20_000), (\.closing, "closing", 20_000)], on: &v)
        for (person, decision) in decisions.people where decision.treatment == .anonymise {
            v.check((decision.label ?? "").count <= 200, "people.\(person.uuidString.lowercased()).label", "field.tooLong", "200")
        }
        try v.throwIfInvalid()
        checked.decisions = Self.tidy(decisions)
        return checked
    }

    public func changes(from row: PublicUpdateModel) -> [FieldChange] {
        let before = [("public update: headline", row.headline), ("public update: opening", row.lead), ("public update: closing", row.closing)]
        let after = [("public update: headline", headline), ("public update: opening", lead), ("public update: closing", closing)]
        var changes = FieldChange.between(before, after)
        let decisionsJSON = Self.json(decisions)
        if decisionsJSON != row.decisionsJSON {
            changes.append(FieldChange(field: "public update: who is named", from: Self.describe(row.decisionsJSON),
                                       to: Self.describe(decisionsJSON)))
        }
        return changes
    }

    public func write(to row: PublicUpdateModel) {
        row.headline = headline
        row.lead = lead
        row.closing = closing
        row.decisionsJSON = Self.json(decisions)
    }
}
