import Domain
import FluentKit
import Foundation
import Storage

/// Assessments, quotes and photos (issue 19: the zip holds every kind). Each goes through the read its page
/// uses, which already leaves out what the reader may not see: an assessment is as visible as its subject
/// (`Assessments.history`), a quote as its engagement and its speaker (`Quotes.of`), a photo as its
/// engagement and everyone it shows (`PhotoCatalog`). Photos are metadata only: the export carries no files
/// (`roundtable backup` does).
extension DatabaseExport {
    struct ExportedAssessment: Encodable {
        struct Subject: Encodable { var type: String; var id: UUID; var name: String }
        var id: UUID
        var subject: Subject
        var assessedOn: Day
        var influence: Int
        var interest: Int
        var stance: StakeholderStance
        var notes: String?
        var assessedBy: String
        var createdAt: Date
    }

    struct ExportedQuote: Encodable {
        var id: UUID
        var engagement: RecordRef
        var speaker: RecordRef?
        var speakerLabel: String?
        var text: String
        var language: String
        var withheld: Bool
        var publication: QuoteRule.Verdict
    }

    struct ExportedPhoto: Encodable {
        struct Shown: Encodable { var id: UUID; var name: String; var consentPhotographed: ConsentAnswer? }
        var id: UUID
        var engagement: RecordRef
        /// The engagement's local start, the day the photo belongs to (photos keep no date of their own:
        /// their metadata is stripped when they are added).
        var engagementStart: String
        var caption: String?
        var credit: String?
        var peopleShown: [Shown]
        var mediaType: String
        var byteCount: Int
    }

    func assessments(by actor: Actor, into out: JSONArrayFile) async throws {
        let reader = Assessments(database: database)
        let rows = try await StakeholderAssessmentModel.query(on: database).filter(\.$deletedAt == .null).all()
        var people: [UUID] = [], organizations: [UUID] = []
        for row in rows {
            if let id = row.personID, !people.contains(id) { people.append(id) }
            else if row.personID == nil, let id = row.organizationID, !organizations.contains(id) { organizations.append(id) }
        }
        func write(person: UUID?, organization: UUID?) async throws {
            let subject: ExportedAssessment.Subject, history: [AssessmentRecord]
            do {
                let (ref, deleted) = try await reader.subjectRef(person: person, organization: organization, by: actor)
                if deleted { return } // as the export's other records: live ones only
                subject = .init(type: ref.isPerson ? "person" : "organization", id: ref.ref.id, name: ref.ref.name)
                history = try await reader.history(person: person, organization: organization, by: actor)
            } catch DomainError.notFound {
                return // a subject the reader may not see (or deleted): its assessments are as invisible
            }
            for record in history.reversed() {
                try out.append(ExportedAssessment(id: record.id, subject: subject, assessedOn: record.assessedOn,
                                                  influence: record.scores.influence, interest: record.scores.interest,
                                                  stance: record.scores.stance, notes: record.notes, assessedBy: record.assessedBy,
                                                  createdAt: record.createdAt))
            }
        }
        for id in people { try await write(person: id, organization: nil) }
        for id in organizations { try await write(person: nil, organization: id) }
    }

    /// The engagements the reader may see among those holding some of `ids`, oldest first.
    private func visibleEngagements(among ids: [UUID], by actor: Actor) async throws -> [EngagementModel] {
        guard !ids.isEmpty else { return [] }
        var models: [EngagementModel] = []
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            var query = EngagementModel.query(on: database).filter(\.$id ~~ chunk).filter(\.$deletedAt == .null)
            if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
            models += try await query.all()
        }
        return models.sorted { ($0.startsAt, $0.id!.uuidString) < ($1.startsAt, $1.id!.uuidString) }
    }

    func quotes(by actor: Actor, into out: JSONArrayFile) async throws {
        let ids = Array(Set(try await QuoteModel.query(on: database).all(\.$engagementID)))
        let quotes = Quotes(database: database)
        for engagement in try await visibleEngagements(among: ids, by: actor) {
            let ref = RecordRef(id: engagement.id!, name: engagement.title)
            for quote in try await quotes.of(engagementID: engagement.id!, by: actor) {
                try out.append(ExportedQuote(id: quote.id, engagement: ref, speaker: quote.speaker, speakerLabel: quote.speakerLabel,
                                             text: quote.text, language: quote.language, withheld: quote.withheld,
                                             publication: quote.publication))
            }
        }
    }

    func photos(by actor: Actor, into out: JSONArrayFile) async throws {
        let ids = Array(Set(try await PhotoModel.query(on: database).all(\.$engagementID)))
        let catalog = PhotoCatalog(database: database)
        for engagement in try await visibleEngagements(among: ids, by: actor) {
            let records = try await catalog.of(engagementID: engagement.id!, by: actor)
            let shownIDs = Array(Set(records.flatMap { $0.peopleShown.map(\.id) }))
            let consent = shownIDs.isEmpty ? [:] : Dictionary(
                try await PersonModel.query(on: database).filter(\.$id ~~ shownIDs).all().map { ($0.id!, $0.consentPhotographed) },
                uniquingKeysWith: { first, _ in first })
            for photo in records {
                try out.append(ExportedPhoto(
                    id: photo.id, engagement: RecordRef(id: engagement.id!, name: engagement.title), engagementStart: engagement.localStart,
                    caption: photo.caption, credit: photo.credit,
                    peopleShown: photo.peopleShown.map { .init(id: $0.id, name: $0.name, consentPhotographed: consent[$0.id]) },
                    mediaType: photo.mediaType, byteCount: photo.byteCount))
            }
        }
    }
}
