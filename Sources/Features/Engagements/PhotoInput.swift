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
