import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The names of the records a history mentions by identity — a place, a community, a parent, the people
/// in an engagement, a visit's delegation — so that a history page reads "Mitrovica South", not an
/// identity. The history keeps identities (names change, and a history is read by roles that may not
/// see every record); the names are looked up when it is read, through the reader's role: a restricted
/// person or record the reader may not see is not named.
public enum HistoryNames {
    /// Every identity in the entries' changes, named where the reader may see it.
    public static func of(_ entries: [AuditLog.Entry], by actor: Actor, language: String, on db: any Database) async throws -> [UUID: String] {
        let ids = identities(in: entries)
        guard !ids.isEmpty else { return [:] }
        let sql = db.sql
        let list = Array(ids)
        var names: [UUID: String] = [:]
        func add(_ table: String, column: String = "name", visible: String? = nil) async throws {
            var select = sql.select().column("id").column(column).from(table).where("id", .in, SQLBind.group(list))
            if let visible { select = select.where(SQLRaw(visible)) }
            for row in try await select.all() {
                names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: column, as: String.self)
            }
        }
        let restricted = actor.canSee(.restricted)
        try await add(PersonModel.schema, visible: restricted ? nil : "sensitivity = 'normal'")
        try await add(OrganizationModel.schema)
        try await add(CommunityModel.schema)
        try await add(UserModel.schema)
        try await add(FieldVisitModel.schema, column: "title")
        for table in [EngagementModel.schema, AgreementModel.schema, RecommendationModel.schema, ContextEventModel.schema] {
            try await add(table, column: "title", visible: restricted ? nil : "confidentiality <> 'restricted'")
        }
        try await add(WorkingGroupModel.schema, visible: restricted ? nil : "confidentiality <> 'restricted'")
        for (id, name) in try await Places(database: db, language: language).names(of: list) { names[id] = name }
        return names
    }

    /// The identities written in the changes' values ("…, 7f3c…: host").
    static func identities(in entries: [AuditLog.Entry]) -> Set<UUID> {
        var found = Set<UUID>()
        for entry in entries {
            for change in entry.changes {
                for value in [change.from, change.to].compactMap({ $0 }) { found.formUnion(identities(in: value)) }
            }
        }
        return found
    }

    /// Identities written in a text: runs of hexadecimal digits and dashes that read as one.
    static func identities(in text: String) -> [UUID] {
        text.split { !($0.isHexDigit || $0 == "-") }.compactMap { $0.count == 36 ? UUID(uuidString: String($0)) : nil }
    }
}
