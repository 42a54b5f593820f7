import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// A kind of engagement as menus and pages show it: built in (labelled from the catalogue) or added by an
/// administrator (with its own label).
public struct KindChoice: Sendable, Equatable, Codable {
    public var key: String
    /// The administrator's label; nil for built-in kinds, which the catalogue names (`engagementKind.<key>`).
    public var label: String?
    public var builtIn: Bool
}

/// The kinds of engagement: the built-in ones and those administrators add ("training of trainers").
public struct EngagementKinds: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    static let recordType = "engagement_kind"

    /// Built-in kinds first, in their order, then the added ones by label.
    public func all() async throws -> [KindChoice] {
        // Prepared on PostgreSQL (`PreparedSQL`): the timeline's menu of kinds reads it on every page.
        let added = try await EngagementKindModel.selectColumns(on: database).orderBy("label").allPrepared(decoding: EngagementKindModel.self)
        return EngagementKind.allCases.map { KindChoice(key: $0.rawValue, label: nil, builtIn: true) }
            + added.map { KindChoice(key: $0.key, label: $0.label, builtIn: false) }
    }

    /// Labels of the added kinds among these, by key, for pages that show engagements. Nearly every engagement
    /// is of a built-in kind, which the catalogue names (an added kind never takes a built-in key): then
    /// nothing is read, where every page with an engagement on it read the whole table.
    public func addedLabels(of kinds: some Sequence<String>) async throws -> [String: String] {
        let added = Set(kinds.filter { EngagementKind(rawValue: $0) == nil })
        guard !added.isEmpty else { return [:] }
        let models = try await EngagementKindModel.query(on: database).filter(\.$key ~~ Array(added)).all()
        return Dictionary(models.map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    func exists(_ key: String, on db: any Database) async throws -> Bool {
        if EngagementKind(rawValue: key) != nil { return true }
        return try await EngagementKindModel.query(on: db).filter(\.$key == key).count() > 0
    }

    /// Adds a kind; its key is made from the label when none is given (nil). A given key must be one as is.
    public func add(label: String, key: String? = nil, by actor: Actor, now: Date = Date()) async throws -> KindChoice {
        try actor.require(.manageSettings)
        var v = Validator()
        let label = v.text(label, "label", required: true, max: 60)
        let made = key ?? Self.key(from: label ?? "")
        v.check(Self.isKey(made), key == nil ? "label" : "key", key == nil ? "kind.labelNeedsLetters" : "kind.keyFormat")
        try v.throwIfInvalid()
        return try await database.transaction { tx in
            if try await exists(made, on: tx) { throw DomainError.invalid([FieldIssue(field: key == nil ? "label" : "key", "kind.taken")]) }
            let model = EngagementKindModel()
            model.id = UUID()
            model.key = made
            model.label = label!
            model.createdAt = now
            try await model.create(on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: label!,
                                        changes: [FieldChange(field: "key", from: nil, to: made), FieldChange(field: "label", from: nil, to: label!)],
                                        at: now, on: tx)
            return KindChoice(key: made, label: label!, builtIn: false)
        }
    }

    /// `^[a-z0-9_]{1,40}$`.
    public static func isKey(_ key: String) -> Bool {
        !key.isEmpty && key.count <= 40 && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// "Training of trainers" → `training_of_trainers`; any script is folded to Latin first.
    static func key(from label: String) -> String {
        let words = NameFolding.fold(label).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return String(words.joined(separator: "_").prefix(40))
    }
}
