import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// "What do you hold on me?" — everything the record holds about one person, for a subject-access request
/// (GDPR article 15; the ICRC handbook's right of access): the record, consents and their history, posts,
/// engagements, quotes, photos, assessments and the audit trail's entries about them. Answering is for
/// those who answer data-protection requests (coordinators, administrators), and is itself audited.
public struct SubjectAccess: Sendable {
    public let database: any Database
    /// The reader's language, for the names of places and the kinds of engagements (as on the person's page).
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public struct Quote: Sendable, Equatable, Codable {
        public var engagement: RecordRef
        public var text: String
        public var language: String
        public var withheld: Bool
    }

    public struct Photo: Sendable, Equatable, Codable {
        public var id: UUID
        public var engagement: RecordRef
        public var caption: String?
        public var othersShown: Int
    }

    public struct Report: Sendable, Equatable, Codable {
        public var generatedAt: Date
        public var person: PersonRecord
        public var consentHistory: [ConsentEvent]
        public var positions: [PositionRecord]
        public var engagements: [EngagementSummary]
        public var quotes: [Quote]
        public var photos: [Photo]
        public var assessments: [AssessmentRecord]
        public var history: [AuditLog.Entry]
    }

    public func report(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> Report {
        try actor.require(.erasePeople)
        let people = People(database: database, language: language)
        let page = try await people.page(id, by: actor)
        let engagements = try await Engagements(database: database, language: language).history(withPerson: id, by: actor, today: Day(utc: now), limit: 10_000).engagements
        var titles: [UUID: String] = [:]
        for engagement in engagements { titles[engagement.id] = engagement.title }
        func engagement(_ id: UUID) async throws -> RecordRef {
            if let title = titles[id] { return RecordRef(id: id, name: title) }
            return RecordRef(id: id, name: try await EngagementModel.find(id, on: database)?.title ?? "")
        }
        var quotes: [Quote] = []
        for quote in try await QuoteModel.query(on: database).filter(\.$speakerID == id).sort(\.$createdAt).all() {
            quotes.append(Quote(engagement: try await engagement(quote.engagementID), text: quote.text, language: quote.language,
                                withheld: quote.withheld))
        }
        var photos: [Photo] = []
        for photo in try await MergeRecords(database: database).photos(showing: id, on: database) {
            photos.append(Photo(id: try photo.requireID(), engagement: try await engagement(photo.engagementID), caption: photo.caption,
                                othersShown: JSONList.decode(photo.peopleShownJSON).count - 1))
        }
        let report = Report(generatedAt: now, person: page.person, consentHistory: page.consentHistory, positions: page.positions,
                            engagements: engagements, quotes: quotes, photos: photos,
                            assessments: try await Assessments(database: database).history(person: id, by: actor),
                            history: try await AuditLog(database: database).history(of: id, limit: 10_000))
        try await AuditTrail.record(.subjectAccess, by: actor, recordType: People.recordType, recordID: id,
                                    recordLabel: page.person.name, at: now, on: database)
        return report
    }
}
