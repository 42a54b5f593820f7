/// The rules of a head-count, in one place for the form, the API and the import: each problem names the
/// line and the part of it (`headCounts/2/byGender`, a JSON pointer's path), so a form shows it beside
/// the line that caused it and the API points at it.
extension HeadCount {
    /// The field of a line (`headCounts/2`) or of one of its parts (`headCounts/2/count`).
    public static func field(_ line: Int, _ part: String? = nil) -> String {
        "headCounts/\(line)" + (part.map { "/" + $0 } ?? "")
    }

    /// A breakdown has at most this many parts (the communities of a deployment, in practice).
    public static let maximumParts = 20

    /// Problems with this line, each at its field: empty when it is sound.
    public func issues(line: Int) -> [FieldIssue] {
        var v = Validator()
        let category = category.trimmingWhitespace()
        v.check(!category.isEmpty, Self.field(line, "category"), "headCount.categoryRequired")
        v.check(category.count <= 200, Self.field(line, "category"), "headCount.categoryTooLong")
        v.check((0...Self.maximumCount).contains(count), Self.field(line, "count"), "headCount.countRange")
        let genders = HeadCountGender.allCases.map(\.rawValue), ages = AgeBand.allCases.map(\.rawValue)
        for issue in breakdownIssues(byGender, allowed: genders, field: Self.field(line, "byGender"))
            + breakdownIssues(byAge, allowed: ages, field: Self.field(line, "byAge"))
            + breakdownIssues(byCommunity, allowed: nil, field: Self.field(line, "byCommunity")) {
            v.add(issue)
        }
        return v.issues
    }

    /// One breakdown: known keys (communities are checked against the registry by the use case), none
    /// negative, and together no more than the count. Each value is bounded before summing, so a hostile
    /// body cannot overflow the sum.
    func breakdownIssues(_ part: [String: Int], allowed: [String]?, field: String) -> [FieldIssue] {
        guard part.count <= Self.maximumParts else { return [FieldIssue(field: field, "headCount.breakdownTooMany")] }
        var issues: [FieldIssue] = []
        for key in part.keys.sorted() {
            if let allowed, !allowed.contains(key) {
                issues.append(FieldIssue(field: field, "headCount.unknownKey", key, allowed.joined(separator: ", ")))
            } else if key.trimmingWhitespace().isEmpty {
                issues.append(FieldIssue(field: field, "headCount.communityRequired"))
            }
        }
        if part.values.contains(where: { $0 < 0 }) {
            issues.append(FieldIssue(field: field, "headCount.breakdownNegative"))
        } else if part.values.contains(where: { $0 > Self.maximumCount }) {
            issues.append(FieldIssue(field: field, "headCount.countRange"))
        } else {
            let sum = part.values.reduce(0, +)
            if sum > max(count, 0) { issues.append(FieldIssue(field: field, "headCount.breakdownOver", String(sum), String(count))) }
        }
        return issues
    }
}
