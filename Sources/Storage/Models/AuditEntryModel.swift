import Domain
import FluentKit
import Foundation

/// One append-only line of the audit trail. Nothing updates or deletes these rows.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "at") public var at: Date
    /// The user who acted, when a user did; nil for the command line and for anonymous sign-in attempts.
    @OptionalField(key: "actor_id") public var actorID: UUID?
    /// Who acted, readable even if the user later changes: an email, "cli", or the email tried at sign-in.
    @Field(key: "actor_label") public var actorLabel: String
    @Field(key: "action") public var action: AuditAction
    /// A record kind's `recordType` (`person`, `engagement` …) or what else was acted on (`user`, `import`): an open list.
    @Field(key: "record_type") public var recordType: String
    @OptionalField(key: "record_id") public var recordID: UUID?
    @Field(key: "record_label") public var recordLabel: String
    /// JSON array of `FieldChange`.
    @Field(key: "changes") public var changesJSON: String
    @OptionalField(key: "address") public var address: String?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $at, $actorID, $actorLabel, $action, $recordType, $recordID, $recordLabel, $changesJSON, $address] }

    public init() {}

    public init(
        at: Date, actorID: UUID?, actorLabel: String, action: AuditAction, recordType: String,
        recordID: UUID?, recordLabel: String, changes: [FieldChange], address: String?
    ) {
        self.id = UUID()
        self.at = at
        self.actorID = actorID
        self.actorLabel = actorLabel
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.recordLabel = recordLabel
        self.changesJSON = Self.encode(changes)
        self.address = address
    }

    public var changes: [FieldChange] { Self.decodeChanges(changesJSON) }

    public static func decodeChanges(_ json: String) -> [FieldChange] {
        (try? JSONDecoder().decode([FieldChange].self, from: Data(json.utf8))) ?? []
    }

    /// What `JSONEncoder` with sorted keys writes (`field`, `from`, `to`; nil left out), written by hand:
    /// an import writes an entry for each of 100,000 people.
    public static func encode(_ changes: [FieldChange]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, change) in changes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append("{\"field\":", to: &out)
            JSONText.quoted(change.field, into: &out)
            if let from = change.from { JSONText.append(",\"from\":", to: &out); JSONText.quoted(from, into: &out) }
            if let to = change.to { JSONText.append(",\"to\":", to: &out); JSONText.quoted(to, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}
