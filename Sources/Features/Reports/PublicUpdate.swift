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

    /// A head-count as it may be published (`SmallNumbers`): its total and each breakdown, the part a
    /// breakdown leaves out given as not recorded so that each adds up to the total.
    public struct Count: Sendable, Equatable {
        public struct Part: Sendable, Equatable {
            /// A catalogue key (`headCountGender.woman`, `ageBand.under_18`, `period.communityUnknown`) or a community's name.
            public var label: String
            public var fromCatalogue: Bool
            public var cell: SmallNumbers.Cell
        }

        public var category: String
        public var total: SmallNumbers.Cell
        public var atLeast: Bool
        /// By gender, by age band, by community — those given.
        public var breakdowns: [[Part]]
    }

    public struct Section: Sendable {
        public var engagement: EngagementSummary
        public var participants: [Participant]
        /// The head-counts with small numbers suppressed: the update is meant for publication, so its page,
        /// its files and the API's Markdown all show these and never the exact figures.
        public var counts: [Count]
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
    /// The rule its counts were published by (the site's threshold).
    public var smallNumbers: SmallNumbers

    public var headline: String { text.headline ?? visit.summary.title }
    /// The opening words: the author's, or the visit's purpose until they write them.
    public var lead: String? { text.lead ?? visit.purpose }
    /// Every photo that goes out, numbered in order ("Image 1: …").
    public var photos: [PhotoRecord] { sections.flatMap(\.photos) }
}
