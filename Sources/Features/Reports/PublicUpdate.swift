import Domain
import Foundation

/// A visit drafted as a news post in the shape of the seed's: who went, each public engagement with the
/// people met (by name only where they agreed), head-counts, what came of it, quotes and photos with
/// captions, the agreements, and the public context. Internal and restricted engagements, agreements and
/// context events are never in it, nor restricted people — whoever drafts it. `check` says whether it may
/// go out; the exports refuse while it is not clean.
public struct PublicUpdate: Sendable {
    public struct Participant: Sendable, Equatable {
        public var name: String
        /// The title held that day — left out for an anonymised person, whom it would identify.
        public var title: String?
    }

    public struct Quote: Sendable, Equatable {
        public var text: String
        public var language: String
        public var attribution: String?
    }

    public struct Section: Sendable {
        public var engagement: EngagementSummary
        public var participants: [Participant]
        public var headCounts: [HeadCount]
        public var summary: String?
        public var outcomes: String?
        public var quotes: [Quote]
        public var photos: [PhotoRecord]
    }

    public struct AgreementLine: Sendable, Equatable {
        public var summary: AgreementSummary
        public var focus: String?
        public var parties: [String]
    }

    /// A quote or photo the author may leave out.
    public struct Choice: Sendable, Equatable {
        public var id: UUID
        public var label: String
        public var place: String
        public var leftOut: Bool
    }

    public var visit: FieldVisitRecord
    public var text: PublicUpdateText
    public var delegation: [String]
    public var sections: [Section]
    public var agreements: [AgreementLine]
    public var context: [ContextEventSummary]
    public var check: PublicationCheck.Result
    /// Everyone the check considered, by id (restricted people included, for the check only).
    public var subjects: [UUID: PublicationCheck.Subject]
    public var quoteChoices: [Choice]
    public var photoChoices: [Choice]

    public var headline: String { text.headline ?? visit.summary.title }
    /// The opening words: the author's, or the visit's purpose until they write them.
    public var lead: String? { text.lead ?? visit.purpose }
    /// Every photo that goes out, numbered in order ("Image 1: …").
    public var photos: [PhotoRecord] { sections.flatMap(\.photos) }
}
