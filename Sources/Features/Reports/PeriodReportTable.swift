import Domain
import Foundation

/// The period report as sections of rows — a figure, this period's value, the previous period's — shared
/// by its page, its Markdown and its CSV so the three always say the same.
public enum PeriodReportTable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var current: String
        public var previous: String
    }

    public struct Section: Sendable, Equatable {
        public var title: String
        public var rows: [Row]
    }

    public static func sections(_ report: PeriodReport, text: Localizer) -> [Section] {
        let now = report.current, before = report.previous
        func row(_ label: String, _ a: Int, _ b: Int) -> Row { Row(label: label, current: String(a), previous: String(b)) }
        func share(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        func keyed(_ a: [String: Int], _ b: [String: Int], label: (String) -> String) -> [Row] {
            Set(a.keys).union(b.keys).sorted { (a[$0] ?? 0, b[$0] ?? 0, $1) > (a[$1] ?? 0, b[$1] ?? 0, $0) }
                .map { row(label($0), a[$0] ?? 0, b[$0] ?? 0) }
        }
        let kindLabel = { (kind: String) in report.kindLabels[kind] ?? text("engagementKind.\(kind)") }
        let levels = GovernanceLevel.allCases.map(\.rawValue) + [""]
        let levelLabel = { (level: String) in level.isEmpty ? text("period.noOrganization") : text("level.\(level)") }

        var sections: [Section] = []
        sections.append(Section(title: text("period.engagements"),
                                rows: [row(text("period.total"), now.engagements, before.engagements)] + keyed(now.byKind, before.byKind, label: kindLabel)))
        let previousMonths = before.period.months
        sections.append(Section(title: text("period.byMonth"), rows: now.period.months.enumerated().map { index, month in
            let earlier = index < previousMonths.count ? previousMonths[index] : nil
            return Row(label: text.month(iso: month) + (earlier.map { " (\(text.month(iso: $0)))" } ?? ""), current: String(now.byMonth[month] ?? 0),
                       previous: String(earlier.flatMap { before.byMonth[$0] } ?? 0))
        }))
        sections.append(Section(title: text("period.reach"), rows: [
            row(text("period.named"), now.namedPeople, before.namedPeople),
            Row(label: text("period.counted"), current: "\(now.counted)\(now.countedAtLeast ? "+" : "")", previous: "\(before.counted)\(before.countedAtLeast ? "+" : "")"),
            Row(label: text("period.together"), current: "\(now.reached)\(now.countedAtLeast ? "+" : "")", previous: "\(before.reached)\(before.countedAtLeast ? "+" : "")"),
        ]))
        sections.append(Section(title: text("period.peopleByLevel"), rows: levels.compactMap { level in
            let a = now.peopleByLevel[level] ?? 0, b = before.peopleByLevel[level] ?? 0
            return level.isEmpty && a == 0 && b == 0 ? nil : row(levelLabel(level), a, b)
        }))
        sections.append(Section(title: text("period.organizationsByLevel"), rows: levels.compactMap { level in
            let a = now.organizationsByLevel[level] ?? 0, b = before.organizationsByLevel[level] ?? 0
            return level.isEmpty && a == 0 && b == 0 ? nil : row(levelLabel(level), a, b)
        }))
        let communityLabel = { (name: String) in name.isEmpty ? text("period.communityUnknown") : name }
        sections.append(Section(title: text("period.namedByCommunity"),
                                rows: keyed(now.communities.named, before.communities.named, label: communityLabel) + [
                                    Row(label: text("period.nonMajorityShare"), current: share(now.communities.nonMajorityShareNamed),
                                        previous: share(before.communities.nonMajorityShareNamed))]))
        sections.append(Section(title: text("period.countedByCommunity"),
                                rows: keyed(now.communities.counted, before.communities.counted, label: communityLabel) + [
                                    Row(label: text("period.nonMajorityShare"), current: share(now.communities.nonMajorityShareCounted),
                                        previous: share(before.communities.nonMajorityShareCounted))]))
        sections.append(Section(title: text("period.nonMajorityTogether"), rows: [
            Row(label: text("period.nonMajorityShare"), current: share(now.communities.nonMajorityShareTogether),
                previous: share(before.communities.nonMajorityShareTogether))]))
        // Gender and age band in their fixed order, every key shown (a zero is a figure too), named and counted apart.
        func fixed(_ title: String, _ keys: [String], _ a: [String: Int], _ b: [String: Int], catalogue: String) -> Section {
            Section(title: text(title), rows: keys.map { row(text("\(catalogue).\($0)"), a[$0] ?? 0, b[$0] ?? 0) })
        }
        let genders = HeadCountGender.allCases.map(\.rawValue), ages = AgeBand.allCases.map(\.rawValue)
        sections.append(fixed("period.namedByGender", genders, now.byGender.named, before.byGender.named, catalogue: "headCountGender"))
        sections.append(fixed("period.countedByGender", genders, now.byGender.counted, before.byGender.counted, catalogue: "headCountGender"))
        sections.append(fixed("period.namedByAge", ages, now.byAge.named, before.byAge.named, catalogue: "ageBand"))
        sections.append(fixed("period.countedByAge", ages, now.byAge.counted, before.byAge.counted, catalogue: "ageBand"))
        sections.append(Section(title: text("period.byMunicipality"),
                                rows: keyed(now.byMunicipality, before.byMunicipality) { $0.isEmpty ? text("period.noMunicipality") : $0 }))
        sections.append(Section(title: text("period.agreements"), rows: [row(text("period.agreementsSigned"), now.agreementsSigned.count, before.agreementsSigned.count)]))
        sections.append(Section(title: text("period.recommendations"), rows: RecommendationStatus.allCases.map { status in
            row(text("recommendationStatus.\(status.rawValue)"), now.recommendationsByStatus[status.rawValue] ?? 0, before.recommendationsByStatus[status.rawValue] ?? 0)
        }))
        sections.append(Section(title: text("period.followUps"), rows: [
            row(text("period.total"), now.followUps.total, before.followUps.total),
            row(text("followUpStatus.done"), now.followUps.done, before.followUps.done),
            row(text("followUpStatus.open"), now.followUps.open, before.followUps.open),
            row(text("period.overdue"), now.followUps.overdue, before.followUps.overdue),
            row(text("followUpStatus.dropped"), now.followUps.dropped, before.followUps.dropped),
            Row(label: text("period.completion"), current: share(now.followUps.completion), previous: share(before.followUps.completion)),
        ]))
        return sections
    }

    /// "1 January 2023 – 31 December 2023", in the reader's language.
    public static func span(_ period: ReportPeriod, text: Localizer) -> String { text.days(period.from, period.to) }

    /// A short name for a chart's legend: "2023" for a calendar year, else "Jan 2023 – Jun 2023".
    public static func shortSpan(_ period: ReportPeriod, text: Localizer) -> String {
        if period.from.month == 1, period.from.day == 1, period.to.month == 12, period.to.day == 31,
           period.from.year == period.to.year {
            return String(period.from.year)
        }
        let from = String(period.from.description.prefix(7)), to = String(period.to.description.prefix(7))
        return from == to ? text.month(iso: from) : text.month(iso: from) + " – " + text.month(iso: to)
    }

    public static func markdown(_ report: PeriodReport, text: Localizer) -> String {
        let escape = VisitReportMarkdown.escape
        func cell(_ value: String) -> String { escape(value).replacingOccurrences(of: "\n", with: " ") }
        var out = ["# " + text("period.title"), "", escape(text("period.subtitle", span(report.current.period, text: text), span(report.previous.period, text: text)))]
        if let place = report.place { out += ["", escape(text("period.place", place.name))] }
        out += ["", escape(text("period.reachExplained"))]
        for section in sections(report, text: text) {
            out += ["", "## " + escape(section.title), "", "| \(text("period.figure")) | \(span(report.current.period, text: text)) | \(span(report.previous.period, text: text)) |", "| --- | ---: | ---: |"]
            out += section.rows.map { "| \(cell($0.label)) | \(cell($0.current)) | \(cell($0.previous)) |" }
        }
        if !report.current.agreementsSigned.isEmpty {
            out += ["", "## " + text("period.agreementsList"), ""]
            out += report.current.agreementsSigned.map { "- " + escape($0.title) + ($0.signedOn.map { " (\($0))" } ?? "") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// One row per figure: section, figure, this period, previous period (for a spreadsheet).
    public static func csvRows(_ report: PeriodReport, text: Localizer) -> [[String]] {
        var rows = [[text("period.section"), text("period.figure"), span(report.current.period, text: text), span(report.previous.period, text: text)]]
        for section in sections(report, text: text) {
            rows += section.rows.map { [section.title, $0.label, $0.current, $0.previous] }
        }
        return rows
    }
}
