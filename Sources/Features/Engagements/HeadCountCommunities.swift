import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The communities of a head-count's breakdown are kept by identity (a name changes, an identity does not).
/// The API took community names before it took identities, so a key may still be either: an identity of a
/// live community, or a name that folds to exactly one live community's (as the period report matched them),
/// stored as that community's identity. A key the engagement already had stays as it is even if its
/// community was deleted since or an old name matches none, so that saving an engagement again never drops
/// or changes what was recorded. Anything else is refused at the line's `byCommunity`.
enum HeadCountCommunities {
    static func resolve(_ counts: [HeadCount], engagement: UUID?, on db: any Database) async throws -> ([HeadCount], [FieldIssue]) {
        guard counts.contains(where: { !$0.byCommunity.isEmpty }) else { return (counts, []) }
        var ids = Set<String>(), byName: [String: [String]] = [:]
        for community in try await CommunityModel.query(on: db).filter(\.$deletedAt == .null).all() {
            let id = community.id!.uuidString.lowercased()
            ids.insert(id)
            byName[NameFolding.fold(community.name), default: []].append(id)
        }
        var kept = Set<String>()
        if let engagement {
            for row in try await HeadCountModel.query(on: db).filter(\.$engagementID == engagement).all() {
                kept.formUnion(Engagements.decodeCounts(row.byCommunityJSON).keys)
            }
        }
        var issues: [FieldIssue] = []
        var resolved = counts
        for (line, count) in counts.enumerated() {
            var breakdown: [String: Int] = [:]
            for (key, n) in count.byCommunity {
                let id = UUID(uuidString: key.trimmingWhitespace())?.uuidString.lowercased()
                if kept.contains(key) {
                    breakdown[key, default: 0] += n
                } else if let id, ids.contains(id) || kept.contains(id) {
                    breakdown[id, default: 0] += n
                } else if id == nil, let named = byName[NameFolding.fold(key)], named.count == 1 {
                    breakdown[named[0], default: 0] += n
                } else {
                    issues.append(FieldIssue(field: HeadCount.field(line, "byCommunity"), "headCount.communityUnknown", key))
                }
            }
            resolved[line].byCommunity = breakdown
        }
        return (resolved, issues)
    }
}
