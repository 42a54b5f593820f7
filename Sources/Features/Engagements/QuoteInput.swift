import Domain
import Foundation

public struct QuoteInput: Sendable, Equatable, Codable {
    public var speakerID: UUID?
    /// For someone not named: "a community representative".
    public var speakerLabel: String?
    public var text: String
    public var language: String
    public var withheld: Bool

    public init(speakerID: UUID? = nil, speakerLabel: String? = nil, text: String, language: String, withheld: Bool = false) {
        self.speakerID = speakerID
        self.speakerLabel = speakerLabel
        self.text = text
        self.language = language
        self.withheld = withheld
    }

    private enum CodingKeys: String, CodingKey { case speakerID, speakerLabel, text, language, withheld }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        speakerID = try container.decodeIfPresent(UUID.self, forKey: .speakerID)
        speakerLabel = try container.decodeIfPresent(String.self, forKey: .speakerLabel)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? ""
        withheld = try container.decodeIfPresent(Bool.self, forKey: .withheld) ?? false
    }
}
