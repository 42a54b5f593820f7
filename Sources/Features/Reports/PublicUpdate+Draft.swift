import Domain
import FluentKit
import Foundation
import Storage

extension PublicUpdate {
    public static func draft(visit id: UUID, database: any Database, language: String, anonymous: String,
                             smallNumbers: SmallNumbers = SmallNumbers(), by actor: Actor) async throws -> PublicUpdate {
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

        let communityIDs = Set(engagements.flatMap { $0.headCounts.flatMap(\.byCommunity.keys) }).compactMap(UUID.init(uuidString:))
        let communityNames = communityIDs.isEmpty ? [:] : Dictionary(
            try await CommunityModel.query(on: database).filter(\.$id ~~ communityIDs).all().map { ($0.id!.uuidString.lowercased(), $0.name) },
            uniquingKeysWith: { first, _ in first })
        let sections = engagements.map { record in
            Section(
                engagement: record.summary,
                participants: record.participants.compactMap { participant in
                    guard let name = shown(participant.person) else { return nil }
                    let named = decisions.decision(for: participant.person.id).treatment == .name
                    return Participant(name: name, title: named ? [participant.title, participant.organization].compactMap { $0 }.joined(separator: ", ").nilIfEmpty : nil)
                },
                counts: record.headCounts.map { Self.published($0, communities: communityNames, rule: smallNumbers) }, summary: record.notes, outcomes: record.outcomes,
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
        let wording = Localizer(language: language)
        var quoteChoices: [Choice] = [], photoChoices: [Choice] = []
        var allKept = decisions
        allKept.quotesLeftOut = []
        allKept.photosLeftOut = []
        for record in engagements {
            let place = record.summary.title + (record.summary.day.map { " (\(wording.day($0)))" } ?? "")
            for quote in record.quotes where PublicationCheck.includes(quote: quote.id, speaker: quote.speaker?.id, withheld: quote.withheld, subjects: subjects, decisions: allKept) {
                let words = quote.text.count > 80 ? String(quote.text.prefix(79)) + "…" : quote.text
                quoteChoices.append(Choice(id: quote.id, label: wording("common.quoted", words) + " — " + (quote.speaker?.name ?? quote.speakerLabel ?? ""), place: place,
                                           leftOut: decisions.quotesLeftOut.contains(quote.id)))
            }
            for photo in record.photos where PublicationCheck.includes(photo: photo.id, shown: photo.peopleShown.map(\.id), subjects: subjects, decisions: allKept) {
                photoChoices.append(Choice(id: photo.id, label: photo.caption ?? record.summary.title, place: place, leftOut: decisions.photosLeftOut.contains(photo.id)))
            }
        }
        return PublicUpdate(visit: report.visit, text: text, delegation: delegation, sections: sections, agreements: agreementLines,
                            context: report.context.filter { $0.confidentiality == .public }, check: check, subjects: subjects,
                            quoteChoices: quoteChoices, photoChoices: photoChoices, smallNumbers: smallNumbers)
    }

    /// A head-count with its breakdowns through `SmallNumbers`: each breakdown (with what it leaves out as
    /// not recorded) is a line adding up to the count, so a hidden community cannot be worked out from the
    /// count and the others, nor from another breakdown of the same count.
    static func published(_ count: HeadCount, communities: [String: String], rule: SmallNumbers) -> Count {
        typealias Part = Count.Part
        var values = ["total": count.count]
        var lines: [SmallNumbers.Line<String>] = []
        var groups: [[(key: String, label: String, catalogue: Bool)]] = []
        func breakdown(_ name: String, _ counts: [String: Int], order: [String], rest: String, label: (String) -> (String, Bool)) {
            guard counts.values.contains(where: { $0 > 0 }) else { return }
            var all: [String: Int] = [:]
            Breakdown.add(counts, of: count.count, into: &all, rest: rest)
            let keys = order.filter { all[$0] != nil } + all.keys.filter { !order.contains($0) }.sorted { label($0).0 < label($1).0 }
            for key in keys { values["\(name)/\(key)"] = all[key] }
            lines.append(SmallNumbers.Line(parts: keys.map { "\(name)/\($0)" }, total: "total"))
            groups.append(keys.map { key in let (words, catalogue) = label(key); return ("\(name)/\(key)", words, catalogue) })
        }
        let genders = HeadCountGender.allCases.map(\.rawValue), ages = AgeBand.allCases.map(\.rawValue)
        breakdown("gender", count.byGender, order: genders, rest: HeadCountGender.notRecorded.rawValue) { ("headCountGender.\($0)", true) }
        breakdown("age", count.byAge, order: ages, rest: AgeBand.notRecorded.rawValue) { ("ageBand.\($0)", true) }
        breakdown("community", count.byCommunity, order: [], rest: "") { key in
            if key.isEmpty { return ("period.communityUnknown", true) }
            if let name = communities[key] { return (name, false) }
            return UUID(uuidString: key) == nil ? (key, false) : ("engagements.communityGone", true)
        }
        let cells = rule.cells(values, lines: lines)
        return Count(category: count.category, total: cells["total"] ?? .exact(count.count), atLeast: count.atLeast,
                     breakdowns: groups.map { $0.map { Part(label: $0.label, fromCatalogue: $0.catalogue, cell: cells[$0.key] ?? .withheld) } })
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
