import Domain
import Foundation

public struct PhotoInput: Sendable, Equatable {
    public var bytes: [UInt8]
    public var caption: String?
    public var credit: String?
    public var peopleShown: [UUID]

    public init(bytes: [UInt8], caption: String? = nil, credit: String? = nil, peopleShown: [UUID] = []) {
        self.bytes = bytes
        self.caption = caption
        self.credit = credit
        self.peopleShown = peopleShown
    }
}

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
