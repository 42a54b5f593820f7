import Foundation

/// What the check finds: each person's uses and answers, and why the output cannot go out yet.
extension PublicationCheck {
    public enum Use: String, Sendable, Equatable, Codable {
        case named, quoted, shown
    }

    /// Why the output cannot go out yet.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// The person has not agreed to this use (their answer is no or not yet asked).
        case noConsent = "no_consent"
        /// The text names a person who is anonymised or left out.
        case nameInText = "name_in_text"
        /// The text names a restricted person (who is not named to the reader either).
        case restrictedNameInText = "restricted_name_in_text"
    }

    public struct Problem: Sendable, Equatable {
        /// Nil when the person is restricted: the reader is not told who.
        public var person: UUID?
        public var use: Use
        public var reason: Reason
        /// The person's answer for this use, for a missing consent.
        public var answer: ConsentAnswer?
        public var place: String
        /// The quote or photo concerned, so it can be left out.
        public var item: UUID?
    }

    /// One person the output involves, with each use and their answer.
    public struct Mention: Sendable, Equatable {
        public var person: UUID
        public var name: String
        public var decision: Decision
        public var uses: [Use: ConsentAnswer]
    }

    public struct Result: Sendable, Equatable {
        public var mentions: [Mention]
        public var problems: [Problem]
        /// How many restricted people were left out (never who).
        public var restrictedLeftOut: Int
        public var quotesWithheld: Int
        public var isClean: Bool { problems.isEmpty }
    }
}
