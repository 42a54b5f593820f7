import Foundation

/// The author's choices the check respects: how each person appears, and the quotes and photos left out.
extension PublicationCheck {
    /// How a person appears in the output, chosen by its author.
    public enum Treatment: String, CaseIterable, Codable, Sendable {
        /// By name (needs their consent to be named publicly).
        case name
        /// As a description such as "a community representative".
        case anonymise
        /// Not at all: their name, quotes and the photos that show them are left out.
        case leaveOut = "leave_out"
    }

    public struct Decision: Sendable, Equatable, Codable {
        public var treatment: Treatment
        /// What an anonymised person is called instead.
        public var label: String?

        public init(_ treatment: Treatment, label: String? = nil) {
            self.treatment = treatment
            self.label = label
        }
    }

    /// The author's choices: per person, and the quotes and photos left out.
    public struct Decisions: Sendable, Equatable, Codable {
        public var people: [UUID: Decision]
        public var quotesLeftOut: Set<UUID>
        public var photosLeftOut: Set<UUID>

        public init(people: [UUID: Decision] = [:], quotesLeftOut: Set<UUID> = [], photosLeftOut: Set<UUID> = []) {
            self.people = people
            self.quotesLeftOut = quotesLeftOut
            self.photosLeftOut = photosLeftOut
        }

        /// Until the author chooses, a person is to be named — so the check asks about everyone who has not agreed.
        public func decision(for id: UUID) -> Decision { people[id] ?? Decision(.name) }

        // People keyed by their id as text, so the JSON is an object rather than a list of pairs.
        enum CodingKeys: String, CodingKey { case people, quotesLeftOut, photosLeftOut }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let byText = try container.decodeIfPresent([String: Decision].self, forKey: .people) ?? [:]
            people = Dictionary(byText.compactMap { key, value in UUID(uuidString: key).map { ($0, value) } }, uniquingKeysWith: { first, _ in first })
            quotesLeftOut = try container.decodeIfPresent(Set<UUID>.self, forKey: .quotesLeftOut) ?? []
            photosLeftOut = try container.decodeIfPresent(Set<UUID>.self, forKey: .photosLeftOut) ?? []
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(Dictionary(uniqueKeysWithValues: people.map { ($0.key.uuidString.lowercased(), $0.value) }), forKey: .people)
            try container.encode(quotesLeftOut.sorted { $0.uuidString < $1.uuidString }, forKey: .quotesLeftOut)
            try container.encode(photosLeftOut.sorted { $0.uuidString < $1.uuidString }, forKey: .photosLeftOut)
        }
    }
}
