import Domain
import FluentKit
import Foundation
import Storage

public struct OrganizationRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var otherNames: [String]
    public var kind: String
    public var level: String?
    public var parent: RecordRef?
    public var place: RecordRef?
    public var website: String?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public var label: String { name }
    public var isDeleted: Bool { deletedAt != nil }
}

public struct OrganizationRow: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var otherNames: [String]
    public var kind: String
    public var level: String?
    public var place: String?
    public var deleted: Bool
}

public struct OrganizationPageData: Sendable {
    public var organization: OrganizationRecord
    /// People over time: current roles first, then past ones. Restricted people are left out for
    /// roles that may not see them.
    public var positions: [PositionRecord]
    public var children: [RecordRef]
}
