import Domain
import FluentKit
import Foundation
import Storage

/// A kind of versioned, soft-deleted record (people, organisations, engagements, agreements …), as it
/// declares what is its own: its input and the rules that check it, how it is copied onto the stored
/// row, the rows it keeps in other tables, what its history compares, and how it is read back.
///
/// Everything else — finding it (restricted and deleted records are not found by those who may not see
/// them), the version check, the write with its audit entry and search document in one transaction,
/// soft delete, restore and history — is written once, in the extensions of this protocol, and shared by
/// the web pages, the API and the command line.
public protocol RecordKind: Sendable {
    associatedtype Model: SoftDeletable
    associatedtype Input: Sendable
    /// The input once checked: what `apply` copies onto the row.
    associatedtype Valid
    /// What `apply` noticed while copying (a status that moved, consent that changed) for `writeParts`.
    associatedtype Applied = Void
    associatedtype Record: RecordValue

    /// How the audit trail and the search index name the kind (`person`, `agreement` …).
    static var recordType: String { get }
    /// What a role needs to add, change or delete one (records by default; communities are settings).
    static var writePermission: Permission { get }
    var database: any Database { get }

    /// Whether the actor may see the record at all, deleted or not: a restricted one is invisible, not
    /// merely forbidden, to roles that may not read restricted records. By default every reader may.
    func isVisible(_ model: Model, to actor: Actor, on db: any Database) async throws -> Bool
    /// Refuses a change (edit or delete) of the record as it is stored that this actor may not make.
    func requireWritable(_ model: Model, by actor: Actor) throws
    /// Checks the input against the rules and the database (references, names), all issues at once.
    func validate(_ input: Input, existing: Model?, by actor: Actor, on db: any Database) async throws -> Valid
    /// A row for a new record, before `apply`.
    func makeModel() -> Model
    /// Copies the checked input onto the row (the shared save stamps `updatedAt` and the version).
    func apply(_ valid: Valid, to model: Model, now: Date) -> Applied
    /// Rows in other tables that belong to the record (parties, members, places, name words), written
    /// after the record itself, in the same transaction.
    func writeParts(_ valid: Valid, _ applied: Applied, of model: Model, by actor: Actor, now: Date, on db: any Database) async throws
    /// What the history compares before and after a change, parts included, as stored.
    func auditFields(_ model: Model, on db: any Database) async throws -> [(String, String?)]
    /// How the history names the record (by default its row's `auditLabel`).
    func label(of model: Model, on db: any Database) async throws -> String
    /// Refuses to delete a record that others still depend on (a place with places inside it).
    func requireDeletable(_ model: Model, on db: any Database) async throws
    func record(_ model: Model, by actor: Actor) async throws -> Record
    /// Called after each change is in the history, for records whose owner's history says so too (a
    /// person's history lists their positions coming and going).
    func didChange(_ action: AuditAction, _ model: Model, label: String, by actor: Actor, now: Date, on db: any Database) async throws
    /// The record's history as this reader may read it (a person's hides the values of sensitive fields).
    func readable(_ history: [AuditLog.Entry], by actor: Actor) async throws -> [AuditLog.Entry]
    /// What to answer for an identity with no row: "not found", or "gone" for a record that was erased.
    func missing(_ id: UUID, on db: any Database) async throws -> DomainError
}

/// What every record kind's value tells the pages around it: which record, its name, whether it is
/// deleted, and the version an edit starts from.
public protocol RecordValue: Sendable {
    var id: UUID { get }
    /// The record's name as lists, titles and confirmations show it.
    var label: String { get }
    var isDeleted: Bool { get }
    var version: Int { get }
}

extension RecordKind {
    public static var writePermission: Permission { .writeRecords }
    public func isVisible(_ model: Model, to actor: Actor, on db: any Database) async throws -> Bool { true }
    public func requireWritable(_ model: Model, by actor: Actor) throws {}
    public func makeModel() -> Model { Model() }
    public func label(of model: Model, on db: any Database) async throws -> String { model.auditLabel }
    public func requireDeletable(_ model: Model, on db: any Database) async throws {}
    public func didChange(_ action: AuditAction, _ model: Model, label: String, by actor: Actor, now: Date, on db: any Database) async throws {}
    public func readable(_ history: [AuditLog.Entry], by actor: Actor) async throws -> [AuditLog.Entry] { history }
    public func missing(_ id: UUID, on db: any Database) async throws -> DomainError { .notFound(Self.recordType) }
}

extension RecordKind where Applied == Void {
    public func writeParts(_ valid: Valid, _ applied: Applied, of model: Model, by actor: Actor, now: Date, on db: any Database) async throws {}
}

extension RecordKind where Model: ConfidentialRecord {
    /// Confidential records follow one rule: restricted ones are for those who may read restricted records.
    public func isVisible(_ model: Model, to actor: Actor, on db: any Database) async throws -> Bool {
        actor.canSee(confidentiality: model.confidentiality)
    }
}
