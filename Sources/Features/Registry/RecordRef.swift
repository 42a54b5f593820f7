import Foundation

/// A link to another record: its identity and the name to show.
public struct RecordRef: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String

    public init(id: UUID, name: String) {
        self.id = id
        self.name = name
    }
}
