import Domain
import Foundation

public struct PhotoRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var engagement: UUID
    public var mediaType: String
    public var byteCount: Int
    public var caption: String?
    public var credit: String?
    public var peopleShown: [RecordRef]
    public var hasSmallCopy: Bool
}
