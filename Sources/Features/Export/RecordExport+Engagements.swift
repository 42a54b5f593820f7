import Domain
import FluentKit
import Foundation
import Storage

extension RecordExport {
    func engagements(by actor: Actor) async throws -> [[String]] {
        var rows = [["id", "kind", "title", "start", "time_zone", "place", "venue", "visit", "confidentiality", "topics",
                     "participants", "hosts_and_partners", "head_counts", "summary", "outcomes", "decisions", "updated_at"]]
        let placeNames = try await places()
        let visits = Dictionary(try await FieldVisitModel.query(on: database).all().map { ($0.id!, $0.title) }, uniquingKeysWith: { first, _ in first })
        let organizations = Dictionary(try await OrganizationModel.query(on: database).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let communities = Dictionary(try await CommunityModel.query(on: database).all().map { ($0.id!.uuidString.lowercased(), $0.name) },
                                     uniquingKeysWith: { first, _ in first })
        let seesRestricted = actor.canSee(.restricted)
        var offset = 0
        while true {
            var query = EngagementModel.query(on: database).filter(\.$deletedAt == .null)
            if !seesRestricted { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
            let models = try await query.sort(\.$startsAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            let ids = models.compactMap(\.id)
            var participants: [UUID: [String]] = [:], links: [UUID: [String]] = [:], counts: [UUID: [String]] = [:]
            if !ids.isEmpty {
                let parts = try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all()
                var people = PersonModel.query(on: database).filter(\.$id ~~ Array(Set(parts.map(\.personID)))).filter(\.$deletedAt == .null)
                if !seesRestricted { people = people.filter(\.$sensitivity == Sensitivity.normal) }
                let names = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
                for part in parts { if let name = names[part.personID] { participants[part.engagementID, default: []].append("\(name) (\(part.part.rawValue))") } }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                    if let name = organizations[link.organizationID] { links[link.engagementID, default: []].append("\(name) (\(link.role.rawValue))") }
                }
                for count in try await HeadCountModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$position).all() {
                    counts[count.engagementID, default: []].append("\(count.count)\(count.atLeast ? "+" : "") \(count.category)"
                                                                   + Self.breakdowns(count, communities: communities))
                }
            }
            for model in models {
                let id = model.id!
                rows.append([id.uuidString, model.kind, model.title, model.localStart, model.timeZone, model.placeID.flatMap { placeNames[$0] } ?? "",
                             model.venue ?? "", model.visitID.flatMap { visits[$0] } ?? "", model.confidentiality.rawValue, Self.list(model.topicsJSON),
                             (participants[id] ?? []).joined(separator: "; "), (links[id] ?? []).joined(separator: "; "),
                             (counts[id] ?? []).joined(separator: "; "), model.summary ?? "", model.outcomes ?? "", model.decisions ?? "",
                             Self.timestamp(model.updatedAt)])
            }
            if models.count < Self.page { return rows }
            offset += Self.page
        }
    }

    /// " (woman 10, man 12; under_18 3; Serb 10)": the breakdowns by their stored keys, communities by name.
    static func breakdowns(_ row: HeadCountModel, communities: [String: String]) -> String {
        func part(_ json: String, order: [String], name: (String) -> String) -> String? {
            let counts = Engagements.decodeCounts(json)
            guard !counts.isEmpty else { return nil }
            return counts.keys.sorted { (order.firstIndex(of: $0) ?? order.count, name($0)) < (order.firstIndex(of: $1) ?? order.count, name($1)) }
                .map { "\(name($0)) \(counts[$0]!)" }.joined(separator: ", ")
        }
        let parts = [part(row.byGenderJSON, order: HeadCountGender.allCases.map(\.rawValue)) { $0 },
                     part(row.byAgeJSON, order: AgeBand.allCases.map(\.rawValue)) { $0 },
                     part(row.byCommunityJSON, order: []) { communities[$0] ?? $0 }].compactMap { $0 }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
