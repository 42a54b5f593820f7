import Domain
import FluentKit
import Foundation
import Storage

/// The author's part of a public update: headline, opening and closing words, and who is named,
/// anonymised or left out. Version 0 means nothing saved yet.
public struct PublicUpdateText: Sendable, Equatable, Codable {
    public var headline: String?
    public var lead: String?
    public var closing: String?
    public var decisions: PublicationCheck.Decisions
    public var version: Int

    public init(headline: String? = nil, lead: String? = nil, closing: String? = nil,
                decisions: PublicationCheck.Decisions = .init(), version: Int = 0) {
        self.headline = headline
        self.lead = lead
        self.closing = closing
        self.decisions = decisions
        self.version = version
    }
}

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

    public static func draft(visit id: UUID, database: any Database, language: String, anonymous: String, by actor: Actor) async throws -> PublicUpdate {
        let report = try await VisitReport.draft(visit: id, database: database, language: language, by: actor)
        let text = try await PublicUpdates(database: database).get(visit: id, by: actor)
        let engagements = report.engagements.filter { $0.summary.confidentiality == .public }
        var agreements: [AgreementRecord] = []
        for summary in report.agreements where summary.confidentiality == .public {
            agreements.append(try await Agreements(database: database, language: language).get(summary.id, by: actor))
        }
        let subjects = try await Self.subjects(visit: report.visit, engagements: engagements.map(\.id), agreements: agreements, on: database)
        let decisions = text.decisions
        let check = PublicationCheck.run(items: items(report.visit, text: text, engagements, agreements), subjects: subjects, decisions: decisions)
        func shown(_ person: RecordRef) -> String? {
            subjects[person.id].flatMap { PublicationCheck.shownName(of: $0, decisions: decisions, anonymous: anonymous) }
        }

        let sections = engagements.map { record in
            Section(
                engagement: record.summary,
                participants: record.participants.compactMap { participant in
                    guard let name = shown(participant.person) else { return nil }
                    let named = decisions.decision(for: participant.person.id).treatment == .name
                    return Participant(name: name, title: named ? [participant.title, participant.organization].compactMap { $0 }.joined(separator: ", ").nilIfEmpty : nil)
                },
                headCounts: record.headCounts, summary: record.notes, outcomes: record.outcomes,
                quotes: record.quotes.compactMap { quote in
                    guard PublicationCheck.includes(quote: quote.id, speaker: quote.speaker?.id, withheld: quote.withheld, subjects: subjects, decisions: decisions)
                    else { return nil }
                    return Quote(text: quote.text, language: quote.language, attribution: quote.speaker.flatMap(shown) ?? quote.speakerLabel)
                },
                photos: record.photos.filter {
                    PublicationCheck.includes(photo: $0.id, shown: $0.peopleShown.map(\.id), subjects: subjects, decisions: decisions)
                })
        }
        let agreementLines = agreements.map { agreement in
            AgreementLine(summary: agreement.summary, focus: agreement.focus,
                          parties: agreement.parties.compactMap { party in party.person.flatMap(shown) ?? party.organization?.name })
        }
        let delegation = report.visit.users.map(\.name) + report.visit.people.compactMap(shown)
        // The quotes and photos that could go out, so the author may keep some back (a restricted or
        // left-out person's never could, and are not offered).
        var quoteChoices: [Choice] = [], photoChoices: [Choice] = []
        var allKept = decisions
        allKept.quotesLeftOut = []
        allKept.photosLeftOut = []
        for record in engagements {
            let place = record.summary.title + (record.summary.day.map { " (\($0))" } ?? "")
            for quote in record.quotes where PublicationCheck.includes(quote: quote.id, speaker: quote.speaker?.id, withheld: quote.withheld, subjects: subjects, decisions: allKept) {
                let words = quote.text.count > 80 ? String(quote.text.prefix(79)) + "…" : quote.text
                quoteChoices.append(Choice(id: quote.id, label: "“\(words)” — " + (quote.speaker?.name ?? quote.speakerLabel ?? ""), place: place,
                                           leftOut: decisions.quotesLeftOut.contains(quote.id)))
            }
            for photo in record.photos where PublicationCheck.includes(photo: photo.id, shown: photo.peopleShown.map(\.id), subjects: subjects, decisions: allKept) {
                photoChoices.append(Choice(id: photo.id, label: photo.caption ?? record.summary.title, place: place, leftOut: decisions.photosLeftOut.contains(photo.id)))
            }
        }
        return PublicUpdate(visit: report.visit, text: text, delegation: delegation, sections: sections, agreements: agreementLines,
                            context: report.context.filter { $0.confidentiality == .public }, check: check, subjects: subjects,
                            quoteChoices: quoteChoices, photoChoices: photoChoices)
    }

    /// What the draft would publish that involves people, in reading order.
    static func items(_ visit: FieldVisitRecord, text: PublicUpdateText, _ engagements: [EngagementRecord], _ agreements: [AgreementRecord]) -> [PublicationCheck.Item] {
        var items: [PublicationCheck.Item] = visit.people.map { .participant($0.id, place: "delegation") }
        for (field, words) in [("headline", text.headline ?? visit.summary.title), ("lead", text.lead ?? visit.purpose), ("closing", text.closing)] {
            if let words { items.append(.text(words, place: field)) }
        }
        // A description goes out as typed too: a name typed into it is caught like any other.
        for label in text.decisions.people.values.compactMap(\.label) { items.append(.text(label, place: "label")) }
        for record in engagements {
            let place = record.summary.title + (record.summary.day.map { " (\($0))" } ?? "")
            items += record.participants.map { .participant($0.person.id, place: place) }
            items += record.quotes.map { .quote(id: $0.id, speaker: $0.speaker?.id, withheld: $0.withheld, place: place) }
            items += record.photos.map { .photo(id: $0.id, shown: $0.peopleShown.map(\.id), place: place) }
            let words = [record.summary.title, record.notes, record.outcomes] + record.quotes.map(\.text) + record.photos.map(\.caption)
            items += words.compactMap { $0 }.map { .text($0, place: place) }
        }
        for agreement in agreements {
            items += agreement.parties.compactMap(\.person).map { .participant($0.id, place: agreement.summary.title) }
            items += [agreement.summary.title, agreement.focus].compactMap { $0 }.map { .text($0, place: agreement.summary.title) }
        }
        return items
    }

    /// Everyone the visit's public engagements and agreements involve, read without the reader's role so
    /// that a restricted person's name is caught in the text even when the reader cannot see them.
    static func subjects(visit: FieldVisitRecord, engagements ids: [UUID], agreements: [AgreementRecord], on database: any Database) async throws -> [UUID: PublicationCheck.Subject] {
        var personIDs = Set(visit.people.map(\.id))
        personIDs.formUnion(agreements.flatMap(\.parties).compactMap(\.person?.id))
        if !ids.isEmpty {
            personIDs.formUnion(try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all().map(\.personID))
            personIDs.formUnion(try await QuoteModel.query(on: database).filter(\.$engagementID ~~ ids).all().compactMap(\.speakerID))
            for photo in try await PhotoModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                personIDs.formUnion(JSONList.decode(photo.peopleShownJSON).compactMap(UUID.init(uuidString:)))
            }
        }
        return try await PublicationSubjects.load(personIDs, on: database)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// Reading and saving the author's part of a public update: as visible as the visit, saved against the
/// version it started from, each change in the visit's history.
public struct PublicUpdates: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func get(visit id: UUID, by actor: Actor) async throws -> PublicUpdateText {
        _ = try await FieldVisits(database: database).find(id, by: actor)
        guard let model = try await PublicUpdateModel.query(on: database).filter(\.$visitID == id).first() else { return PublicUpdateText() }
        return Self.text(model)
    }

    public func save(_ input: PublicUpdateText, visit id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> PublicUpdateText {
        try actor.require(.writeRecords)
        var v = Validator()
        let headline = v.text(input.headline, "headline", max: 300)
        let lead = v.text(input.lead, "lead", max: 20_000)
        let closing = v.text(input.closing, "closing", max: 20_000)
        for (person, decision) in input.decisions.people where decision.treatment == .anonymise {
            v.check((decision.label ?? "").count <= 200, "people.\(person.uuidString.lowercased()).label", "field.tooLong", "200")
        }
        try v.throwIfInvalid()
        let decisions = Self.tidy(input.decisions)
        return try await database.transaction { tx in
            let visit = try await FieldVisits(database: tx).find(id, by: actor, includeDeleted: false, on: tx)
            let model = try await PublicUpdateModel.query(on: tx).filter(\.$visitID == id).first() ?? {
                let fresh = PublicUpdateModel()
                fresh.id = UUID()
                fresh.visitID = id
                fresh.decisionsJSON = Self.json(PublicationCheck.Decisions())
                fresh.version = 0
                return fresh
            }()
            try requireVersion(expectedVersion, current: model.version)
            let decisionsJSON = Self.json(decisions)
            let before = [("public update: headline", model.headline), ("public update: opening", model.lead), ("public update: closing", model.closing)]
            let after = [("public update: headline", headline), ("public update: opening", lead), ("public update: closing", closing)]
            var changes = FieldChange.between(before, after)
            if decisionsJSON != model.decisionsJSON {
                changes.append(FieldChange(field: "public update: who is named", from: Self.describe(model.decisionsJSON), to: Self.describe(decisionsJSON)))
            }
            guard !changes.isEmpty else { return Self.text(model) }
            model.headline = headline
            model.lead = lead
            model.closing = closing
            model.decisionsJSON = decisionsJSON
            model.updatedAt = now
            model.version += 1
            try await model.save(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: FieldVisits.recordType, recordID: id, recordLabel: visit.title,
                                        changes: changes, at: now, on: tx)
            return Self.text(model)
        }
    }

    /// "Name" is what a person gets without a decision, so it is not stored; labels only for the anonymised.
    static func tidy(_ decisions: PublicationCheck.Decisions) -> PublicationCheck.Decisions {
        var tidy = decisions
        tidy.people = decisions.people.filter { $0.value.treatment != .name }.mapValues { decision in
            guard decision.treatment == .anonymise else { return PublicationCheck.Decision(decision.treatment) }
            let label = decision.label?.trimmingCharacters(in: .whitespacesAndNewlines)
            return PublicationCheck.Decision(.anonymise, label: label?.isEmpty == false ? label : nil)
        }
        return tidy
    }

    static func json(_ decisions: PublicationCheck.Decisions) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? String(decoding: encoder.encode(decisions), as: UTF8.self)) ?? "{}"
    }

    /// The decisions in the history as counts and labels, not names: the audit trail is read more widely
    /// than the update, and a restricted person must not surface in it.
    static func describe(_ json: String) -> String? {
        let decisions = (try? JSONDecoder().decode(PublicationCheck.Decisions.self, from: Data(json.utf8))) ?? .init()
        let anonymised = decisions.people.values.filter { $0.treatment == .anonymise }
        let leftOut = decisions.people.values.filter { $0.treatment == .leaveOut }.count
        guard anonymised.count + leftOut + decisions.quotesLeftOut.count + decisions.photosLeftOut.count > 0 else { return nil }
        let labels = Set(anonymised.compactMap(\.label)).sorted()
        return "\(anonymised.count) anonymised" + (labels.isEmpty ? "" : " (" + labels.joined(separator: "; ") + ")")
            + ", \(leftOut) left out; \(decisions.quotesLeftOut.count) quotes and \(decisions.photosLeftOut.count) photos left out"
    }

    static func text(_ model: PublicUpdateModel) -> PublicUpdateText {
        let decisions = (try? JSONDecoder().decode(PublicationCheck.Decisions.self, from: Data(model.decisionsJSON.utf8))) ?? .init()
        return PublicUpdateText(headline: model.headline, lead: model.lead, closing: model.closing, decisions: decisions, version: model.version)
    }
}
