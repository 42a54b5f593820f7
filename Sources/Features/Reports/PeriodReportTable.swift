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

    /// The figures as rows. With `publication`, every count of people — reach, by community, gender, age
    /// band and level — and of engagements (by municipality, and the kinds and months that share their
    /// total) goes through `SmallNumbers`, each period on its own; a share of the non-majority communities
    /// is withheld when either side of it is small.
    public static func sections(_ report: PeriodReport, text: Localizer, publication: SmallNumbers? = nil) -> [Section] {
        let now = report.current, before = report.previous
        let published = publication.map { rule in (now: cells(now, rule), before: cells(before, rule)) }
        func shown(_ cell: SmallNumbers.Cell?, _ n: Int, suffix: String = "") -> String {
            switch cell {
            case .fewerThan?: return text("smallNumbers.fewerThan", publication?.threshold ?? SmallNumbers.defaultThreshold)
            case .withheld?: return text("smallNumbers.withheld")
            case .exact?, nil: return "\(n)\(suffix)"
            }
        }
        func row(_ label: String, _ a: Int, _ b: Int, key: String? = nil, suffix: (String, String) = ("", "")) -> Row {
            Row(label: label, current: shown(key.flatMap { published?.now[$0] }, a, suffix: suffix.0),
                previous: shown(key.flatMap { published?.before[$0] }, b, suffix: suffix.1))
        }
        func share(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        /// A share is withheld for publication when the non-majority count or the rest of the known is small.
        func withheldShare(_ value: Double?, _ part: Int, of whole: Int) -> String {
            if let publication, publication.isSmall(part) || publication.isSmall(whole - part) { return text("smallNumbers.withheld") }
            return share(value)
        }
        func keyed(_ a: [String: Int], _ b: [String: Int], prefix: String? = nil, label: (String) -> String) -> [Row] {
            Set(a.keys).union(b.keys).sorted { (a[$0] ?? 0, b[$0] ?? 0, $1) > (a[$1] ?? 0, b[$1] ?? 0, $0) }
                .map { key in row(label(key), a[key] ?? 0, b[key] ?? 0, key: prefix.map { $0 + key }) }
        }
        let kindLabel = { (kind: String) in report.kindLabels[kind] ?? text("engagementKind.\(kind)") }
        let levels = GovernanceLevel.allCases.map(\.rawValue) + [""]
        let levelLabel = { (level: String) in level.isEmpty ? text("period.noOrganization") : text("level.\(level)") }
        let plus = (now.countedAtLeast ? "+" : "", before.countedAtLeast ? "+" : "")

        var sections: [Section] = []
        sections.append(Section(title: text("period.engagements"),
                                rows: [row(text("period.total"), now.engagements, before.engagements, key: Key.engagements)]
                                    + keyed(now.byKind, before.byKind, prefix: Key.kind, label: kindLabel)))
        let previousMonths = before.period.months
        sections.append(Section(title: text("period.byMonth"), rows: now.period.months.enumerated().map { index, month in
            let earlier = index < previousMonths.count ? previousMonths[index] : nil
            return Row(label: text.month(iso: month) + (earlier.map { " (\(text.month(iso: $0)))" } ?? ""),
                       current: shown(published?.now[Key.month + month], now.byMonth[month] ?? 0),
                       previous: shown(earlier.flatMap { published?.before[Key.month + $0] }, earlier.flatMap { before.byMonth[$0] } ?? 0))
        }))
        sections.append(Section(title: text("period.reach"), rows: [
            row(text("period.named"), now.namedPeople, before.namedPeople, key: Key.named),
            row(text("period.counted"), now.counted, before.counted, key: Key.counted, suffix: plus),
            row(text("period.together"), now.reached, before.reached, key: Key.reached, suffix: plus),
        ]))
        sections.append(Section(title: text("period.peopleByLevel"), rows: levels.compactMap { level in
            let a = now.peopleByLevel[level] ?? 0, b = before.peopleByLevel[level] ?? 0
            return level.isEmpty && a == 0 && b == 0 ? nil : row(levelLabel(level), a, b, key: Key.level + level)
        }))
        sections.append(Section(title: text("period.organizationsByLevel"), rows: levels.compactMap { level in
            let a = now.organizationsByLevel[level] ?? 0, b = before.organizationsByLevel[level] ?? 0
            return level.isEmpty && a == 0 && b == 0 ? nil : row(levelLabel(level), a, b)
        }))
        let communityLabel = { (name: String) in name.isEmpty ? text("period.communityUnknown") : name }
        let c = (now.communities, before.communities)
        sections.append(Section(title: text("period.namedByCommunity"),
                                rows: keyed(c.0.named, c.1.named, prefix: Key.namedCommunity, label: communityLabel) + [
                                    Row(label: text("period.nonMajorityShare"), current: withheldShare(c.0.nonMajorityShareNamed, c.0.nonMajorityNamed, of: c.0.knownNamed),
                                        previous: withheldShare(c.1.nonMajorityShareNamed, c.1.nonMajorityNamed, of: c.1.knownNamed))]))
        sections.append(Section(title: text("period.countedByCommunity"),
                                rows: keyed(c.0.counted, c.1.counted, prefix: Key.countedCommunity, label: communityLabel) + [
                                    Row(label: text("period.nonMajorityShare"), current: withheldShare(c.0.nonMajorityShareCounted, c.0.nonMajorityCounted, of: c.0.knownCounted),
                                        previous: withheldShare(c.1.nonMajorityShareCounted, c.1.nonMajorityCounted, of: c.1.knownCounted))]))
        sections.append(Section(title: text("period.nonMajorityTogether"), rows: [
            Row(label: text("period.nonMajorityShare"),
                current: withheldShare(c.0.nonMajorityShareTogether, c.0.nonMajorityNamed + c.0.nonMajorityCounted, of: c.0.knownNamed + c.0.knownCounted),
                previous: withheldShare(c.1.nonMajorityShareTogether, c.1.nonMajorityNamed + c.1.nonMajorityCounted, of: c.1.knownNamed + c.1.knownCounted))]))
        // Gender and age band in their fixed order, every key shown (a zero is a figure too), named and counted apart.
        func fixed(_ title: String, _ keys: [String], _ a: [String: Int], _ b: [String: Int], catalogue: String, prefix: String) -> Section {
            Section(title: text(title), rows: keys.map { row(text("\(catalogue).\($0)"), a[$0] ?? 0, b[$0] ?? 0, key: prefix + $0) })
        }
        let genders = HeadCountGender.allCases.map(\.rawValue), ages = AgeBand.allCases.map(\.rawValue)
        sections.append(fixed("period.namedByGender", genders, now.byGender.named, before.byGender.named, catalogue: "headCountGender", prefix: Key.namedGender))
        sections.append(fixed("period.countedByGender", genders, now.byGender.counted, before.byGender.counted, catalogue: "headCountGender", prefix: Key.countedGender))
        sections.append(fixed("period.namedByAge", ages, now.byAge.named, before.byAge.named, catalogue: "ageBand", prefix: Key.namedAge))
        sections.append(fixed("period.countedByAge", ages, now.byAge.counted, before.byAge.counted, catalogue: "ageBand", prefix: Key.countedAge))
        sections.append(Section(title: text("period.byMunicipality"),
                                rows: keyed(now.byMunicipality, before.byMunicipality, prefix: Key.municipality) { $0.isEmpty ? text("period.noMunicipality") : $0 }))
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

    /// The keys of the figures that small-number suppression covers.
    enum Key {
        static let named = "named", counted = "counted", reached = "reached", engagements = "engagements"
        static let level = "level/", municipality = "municipality/", kind = "kind/", month = "month/"
        static let namedCommunity = "named/community/", countedCommunity = "counted/community/"
        static let namedGender = "named/gender/", countedGender = "counted/gender/"
        static let namedAge = "named/age/", countedAge = "counted/age/"
    }

    /// One period's figures as they may be published. Each breakdown adds up to its total (named people,
    /// counted people, engagements), and named and counted add up to the people reached, so those are the
    /// lines. People by level are not a breakdown (one person may hold posts at two levels): small ones
    /// are hidden, with no complement. Engagements by municipality are counts by place; their total is also
    /// the total of the kinds and the months, so those are suppressed with it (a total that was always
    /// shown would give away a municipality that is the only one). Organisations, agreements,
    /// recommendations and follow-ups are not counts of people and stay exact.
    static func cells(_ figures: PeriodFigures, _ rule: SmallNumbers) -> [String: SmallNumbers.Cell] {
        var values: [String: Int] = [Key.named: figures.namedPeople, Key.counted: figures.counted, Key.reached: figures.reached,
                                     Key.engagements: figures.engagements]
        var lines = [SmallNumbers.Line(parts: [Key.named, Key.counted], total: Key.reached)]
        func breakdown(_ counts: [String: Int], _ keys: [String], prefix: String, total: String) {
            for key in Set(keys).union(counts.keys) { values[prefix + key] = counts[key] ?? 0 }
            lines.append(SmallNumbers.Line(parts: Set(keys).union(counts.keys).sorted().map { prefix + $0 }, total: total))
        }
        let genders = HeadCountGender.allCases.map(\.rawValue), ages = AgeBand.allCases.map(\.rawValue)
        breakdown(figures.communities.named, [], prefix: Key.namedCommunity, total: Key.named)
        breakdown(figures.communities.counted, [], prefix: Key.countedCommunity, total: Key.counted)
        breakdown(figures.byGender.named, genders, prefix: Key.namedGender, total: Key.named)
        breakdown(figures.byGender.counted, genders, prefix: Key.countedGender, total: Key.counted)
        breakdown(figures.byAge.named, ages, prefix: Key.namedAge, total: Key.named)
        breakdown(figures.byAge.counted, ages, prefix: Key.countedAge, total: Key.counted)
        breakdown(figures.byMunicipality, [], prefix: Key.municipality, total: Key.engagements)
        breakdown(figures.byKind, [], prefix: Key.kind, total: Key.engagements)
        breakdown(figures.byMonth, figures.period.months, prefix: Key.month, total: Key.engagements)
        for (level, n) in figures.peopleByLevel { values[Key.level + level] = n }
        return rule.cells(values, lines: lines)
    }

    /// The line every copy carries: exact figures are not for publication; a copy for publication says how
    /// small numbers are shown.
    public static func disclosure(_ publication: SmallNumbers?, text: Localizer) -> String {
        publication.map { text("smallNumbers.forPublication", $0.threshold) } ?? text("smallNumbers.internal")
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

    public static func markdown(_ report: PeriodReport, text: Localizer, publication: SmallNumbers? = nil) -> String {
        let escape = VisitReportMarkdown.escape
        func cell(_ value: String) -> String { escape(value).replacingOccurrences(of: "\n", with: " ") }
        var out = ["# " + text("period.title"), "", escape(text("period.subtitle", span(report.current.period, text: text), span(report.previous.period, text: text)))]
        if let place = report.place { out += ["", escape(text("period.place", place.name))] }
        out += ["", "**" + escape(disclosure(publication, text: text)) + "**", "", escape(text("period.reachExplained"))]
        for section in sections(report, text: text, publication: publication) {
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
    /// The last row says whether the figures are exact (not for publication) or for publication.
    public static func csvRows(_ report: PeriodReport, text: Localizer, publication: SmallNumbers? = nil) -> [[String]] {
        var rows = [[text("period.section"), text("period.figure"), span(report.current.period, text: text), span(report.previous.period, text: text)]]
        for section in sections(report, text: text, publication: publication) {
            rows += section.rows.map { [section.title, $0.label, $0.current, $0.previous] }
        }
        rows.append([text("smallNumbers.heading"), disclosure(publication, text: text), "", ""])
        return rows
    }
}
