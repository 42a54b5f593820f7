import Domain
import Features
import Foundation
import Vapor

/// The engagement form as posted: names typed as text, resolved against the registry into identities.
/// Each line that cannot be resolved becomes an error at its field, and the typed text is kept.
struct EngagementForm: Content, PostedForm {
    var kind: String?, title: String?, start: String?, timeZone: String?, duration: String?, placeID: String?, venue: String?
    var visitID: String?, hosts: String?, partners: String?, participants: String?, aggregateOnly: String?
    var headCounts: [String: HeadCountForm]?
    var topics: String?, summary: String?, outcomes: String?, decisions: String?, confidentiality: String?
    var followUp: String?, followUpOwner: String?, followUpDue: String?, version: String?
    /// The capture's identity, made when the form was opened (see `CaptureRequest`).
    var capture: String?

    var values: EngagementFormPage.Values {
        var values = EngagementFormPage.Values()
        values.kind = kind ?? ""; values.title = title ?? ""; values.start = start ?? ""; values.timeZone = timeZone ?? ""
        values.duration = duration ?? ""; values.placeID = placeID ?? ""; values.venue = venue ?? ""; values.visitID = visitID ?? ""
        values.hosts = hosts ?? ""; values.partners = partners ?? ""; values.participants = participants ?? ""
        values.headCounts = HeadCountForm.lines(headCounts); values.aggregateOnly = aggregateOnly == "1"; values.topics = topics ?? ""
        values.summary = summary ?? ""; values.outcomes = outcomes ?? ""; values.decisions = decisions ?? ""
        values.confidentiality = confidentiality ?? Confidentiality.internal.rawValue
        values.followUp = followUp ?? ""; values.followUpOwner = followUpOwner ?? ""; values.followUpDue = followUpDue ?? ""
        values.version = version ?? ""
        values.capture = capture ?? ""
        return values
    }

    /// The input for the use case, or the problems with what was typed (by field).
    func input(lookup: NameLookup, actor: Actor, text: Localizer, existing: EngagementRecord?) async throws -> (EngagementInput, [FieldIssue]) {
        var issues: [FieldIssue] = []
        var input = EngagementInput(kind: kind ?? "", title: title ?? "", start: start ?? "", timeZone: timeZone ?? "")
        if let raw = duration?.trimmingWhitespace(), !raw.isEmpty {
            if let minutes = Int(raw) { input.durationMinutes = minutes } else { issues.append(FieldIssue(field: "durationMinutes", "engagement.duration")) }
        }
        input.placeID = FormValues.uuid(placeID)
        input.venue = venue
        input.visitID = FormValues.uuid(visitID)
        input.topics = (topics ?? "").split(separator: ",").map { String($0) }
        input.summary = summary
        input.outcomes = outcomes
        input.decisions = decisions
        input.aggregateOnly = aggregateOnly == "1"
        input.confidentiality = confidentiality ?? ""
        let previousOrganizations = Set((existing?.hosts ?? []).map(\.id) + (existing?.partners ?? []).map(\.id))
        for (field, raw) in [("hostIDs", hosts), ("partnerIDs", partners)] {
            var ids: [UUID] = []
            for line in FormValues.list(raw) {
                switch try await lookup.resolveOrganization(line, field: field, by: actor, preferring: previousOrganizations) {
                case .found(let ref): ids.append(ref.id)
                case .problem(let issue): issues.append(issue)
                }
            }
            if field == "hostIDs" { input.hostIDs = ids } else { input.partnerIDs = ids }
        }
        let previousPeople = Set((existing?.participants ?? []).map(\.person.id))
        for line in FormValues.list(participants) {
            var name = line
            var part = ParticipantPart.participant
            if let comma = line.lastIndex(of: ",") {
                let typedPart = String(line[line.index(after: comma)...]).trimmingWhitespace().lowercased()
                if let known = ParticipantPart.allCases.first(where: { $0.rawValue == typedPart || text("part.\($0.rawValue)").lowercased() == typedPart }) {
                    part = known
                    name = String(line[..<comma]).trimmingWhitespace()
                } else {
                    issues.append(FieldIssue(field: "participants", "engagement.partUnknown", typedPart))
                    continue
                }
            }
            switch try await lookup.resolvePerson(name, field: "participants", by: actor, preferring: previousPeople) {
            case .found(let ref):
                if !input.participants.contains(where: { $0.personID == ref.id }) {
                    let recorded = existing?.participants.first { $0.person.id == ref.id && $0.titleRecorded }?.title
                    input.participants.append(ParticipantInput(personID: ref.id, part: part.rawValue, title: recorded))
                }
            case .problem(let issue): issues.append(issue)
            }
        }
        // Lines are numbered as the form shows them again: blank ones left out, so a mistake lands on its line.
        for (index, line) in HeadCountForm.lines(headCounts).enumerated() {
            let (count, typed) = line.headCount(line: index)
            input.headCounts.append(count)
            issues += typed
        }
        if let text = followUp?.trimmingWhitespace(), !text.isEmpty {
            var followUp = FollowUpInput(text: text, ownerID: FormValues.uuid(followUpOwner), dueOn: followUpDue)
            followUp.status = FollowUpStatus.open.rawValue
            input.followUps = [followUp]
        }
        return (input, issues)
    }
}
