import Domain
import Foundation

public struct ParticipantInput: Sendable, Equatable, Codable {
    public var personID: UUID
    public var part: String
    /// The title to show when the registry's title for that day is not the right one.
    public var title: String?

    public init(personID: UUID, part: String = ParticipantPart.participant.rawValue, title: String? = nil) {
        self.personID = personID
        self.part = part
        self.title = title
    }

    private enum CodingKeys: String, CodingKey { case personID, part, title }

    /// `part` may be left out (participant).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        personID = try container.decode(UUID.self, forKey: .personID)
        part = try container.decodeIfPresent(String.self, forKey: .part) ?? ParticipantPart.participant.rawValue
        title = try container.decodeIfPresent(String.self, forKey: .title)
    }
}
