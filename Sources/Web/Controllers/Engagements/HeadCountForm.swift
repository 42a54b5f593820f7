import Domain
import Features
import Foundation

/// The head-count lines as a browser posts them: `headCounts[0][category]`, `headCounts[0][count]`,
/// `headCounts[0][atLeast]`, `headCounts[0][gender][woman]`, `headCounts[0][age][under_18]`,
/// `headCounts[0][community][1][id]` and `…[count]`. Vapor decodes bracketed names into nested values; the
/// lines and the pairs are read as dictionaries keyed by their number (not arrays, which Vapor decodes only
/// when the numbers run from 0 without a gap) and put in the order of their numbers.
struct HeadCountForm: Codable {
    struct CommunityPair: Codable {
        var id: String?, count: String?
    }

    var category: String?, count: String?, atLeast: String?
    var gender: [String: String]?, age: [String: String]?
    var community: [String: CommunityPair]?

    /// Posted lines in their order, the blank ones left out.
    static func lines(_ posted: [String: HeadCountForm]?) -> [EngagementFormPage.HeadCountLine] {
        ordered(posted).map(\.line).filter { !$0.isBlank }
    }

    static func ordered<T>(_ posted: [String: T]?) -> [T] {
        (posted ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    var line: EngagementFormPage.HeadCountLine {
        var line = EngagementFormPage.HeadCountLine()
        line.category = category ?? ""
        line.count = count ?? ""
        line.atLeast = atLeast == "1"
        // Only the form's own keys: anything else posted is not one of its fields.
        line.gender = (gender ?? [:]).filter { key, value in HeadCountGender(rawValue: key) != nil && !value.trimmingWhitespace().isEmpty }
        line.age = (age ?? [:]).filter { key, value in AgeBand(rawValue: key) != nil && !value.trimmingWhitespace().isEmpty }
        line.communities = Self.ordered(community).map { .init(id: $0.id ?? "", count: $0.count ?? "") }
            .filter { !$0.count.trimmingWhitespace().isEmpty }
        return line
    }
}

extension EngagementFormPage.HeadCountLine {
    /// The head-count this line says, and what cannot be read from it (each at its field of line `index`).
    /// The rules that need no reading (sums, ranges) are the Domain's, checked by the use case.
    func headCount(line index: Int) -> (HeadCount, [FieldIssue]) {
        var issues: [FieldIssue] = []
        func number(_ typed: String, _ part: String) -> Int? {
            guard let n = Int(typed.trimmingWhitespace()) else {
                issues.append(FieldIssue(field: HeadCount.field(index, part), "headCount.notANumber", typed))
                return nil
            }
            return n
        }
        let typedCount = count.trimmingWhitespace()
        var total: Int?
        if typedCount.isEmpty {
            issues.append(FieldIssue(field: HeadCount.field(index, "count"), "headCount.countRequired"))
        } else {
            total = number(typedCount, "count")
        }
        var result = HeadCount(category: category, count: total ?? HeadCount.maximumCount, atLeast: atLeast)
        // A count that cannot be read is reported once, at the count: the breakdowns are then not compared with it.
        for (key, typed) in gender { if let n = number(typed, "byGender") { result.byGender[key] = n } }
        for (key, typed) in age { if let n = number(typed, "byAge") { result.byAge[key] = n } }
        for pair in communities {
            let id = pair.id.trimmingWhitespace()
            guard !id.isEmpty else {
                issues.append(FieldIssue(field: HeadCount.field(index, "byCommunity"), "headCount.communityRequired"))
                continue
            }
            guard let n = number(pair.count, "byCommunity") else { continue }
            if result.byCommunity[id] != nil {
                issues.append(FieldIssue(field: HeadCount.field(index, "byCommunity"), "headCount.communityTwice"))
            }
            result.byCommunity[id, default: 0] += n
        }
        return (result, issues)
    }
}
