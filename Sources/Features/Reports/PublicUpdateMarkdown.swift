import Domain
import Foundation

/// The public update as Markdown, for a website or a newsletter. Only a clean check may be rendered for
/// export (the caller asks `PublicUpdate.check` first); typed text is escaped as in the visit report.
public enum PublicUpdateMarkdown {
    public static func render(_ update: PublicUpdate, text: Localizer) -> String {
        let escape = VisitReportMarkdown.escape
        var out: [String] = ["# " + escape(update.headline)]
        paragraphs(&out, update.lead)
        if !update.delegation.isEmpty {
            out += ["", escape(text("publicUpdate.delegation", update.delegation.joined(separator: ", ")))]
        }
        if !update.context.isEmpty {
            out += ["", "## " + text("publicUpdate.context"), ""]
            out += update.context.map { "- " + PublicUpdateWording.days($0.period, text: text) + ": " + escape($0.title) }
        }
        var image = 0
        for section in update.sections {
            out += ["", "## " + escape(section.engagement.title), "", escape(PublicUpdateWording.when(section.engagement, text: text))]
            if !section.participants.isEmpty {
                out += ["", escape(text("publicUpdate.with", PublicUpdateWording.people(section.participants)))]
            }
            if !section.counts.isEmpty {
                out += ["", escape(text("publicUpdate.counted", PublicUpdateWording.counts(section.counts, rule: update.smallNumbers, text: text)))]
            }
            paragraphs(&out, section.summary)
            paragraphs(&out, section.outcomes)
            for quote in section.quotes {
                out += ["", "> " + escape(text("common.quoted", quote.text)) + (quote.attribution.map { " — " + escape($0) } ?? "")]
            }
            for photo in section.photos {
                image += 1
                out += ["", "*" + escape(text("publicUpdate.image", image, PublicUpdateWording.caption(photo, fallback: section.engagement.title, text: text))) + "*"]
            }
        }
        if !update.agreements.isEmpty {
            out += ["", "## " + text("publicUpdate.agreements"), ""]
            out += update.agreements.map { "- " + escape(PublicUpdateWording.agreement($0, text: text)) }
        }
        paragraphs(&out, update.text.closing)
        return out.joined(separator: "\n") + "\n"
    }

    static func paragraphs(_ out: inout [String], _ text: String?) {
        for paragraph in PublicUpdateWording.paragraphs(text) { out += ["", VisitReportMarkdown.escape(paragraph)] }
    }
}

/// The sentences a public update is made of, shared by its page, its HTML file and its Markdown.
public enum PublicUpdateWording {
    public static func paragraphs(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// "2023-08-08 · Mitrovica South · Town hall".
    public static func when(_ engagement: EngagementSummary, text: Localizer) -> String {
        [engagement.day.map { text.day($0) }, engagement.place?.name, engagement.venue].compactMap { $0 }.joined(separator: " · ")
    }

    /// "Bedri Hamza (Mayor of Mitrovica South), a municipal councillor".
    public static func people(_ participants: [PublicUpdate.Participant]) -> String {
        participants.map { $0.name + ($0.title.map { " (\($0))" } ?? "") }.joined(separator: ", ")
    }

    /// "25 community representatives (Women 12, Men 13; Albanian 20, Serb fewer than 5, Community not
    /// recorded fewer than 5), 20+ leaders", small numbers suppressed.
    public static func counts(_ counts: [PublicUpdate.Count], rule: SmallNumbers, text: Localizer) -> String {
        func shown(_ cell: SmallNumbers.Cell, plus: Bool = false) -> String {
            switch cell {
            case .exact(let n): return "\(n)\(plus ? "+" : "")"
            case .fewerThan: return text("smallNumbers.fewerThan", rule.threshold)
            case .withheld: return text("smallNumbers.withheld")
            }
        }
        return counts.map { count in
            let parts = count.breakdowns.map { group in
                group.map { ($0.fromCatalogue ? text($0.label) : $0.label) + " " + shown($0.cell) }.joined(separator: ", ")
            }
            return "\(shown(count.total, plus: count.atLeast)) \(count.category)" + (parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")")
        }.joined(separator: ", ")
    }

    public static func caption(_ photo: PhotoRecord, fallback: String, text: Localizer) -> String {
        (photo.caption ?? fallback) + (photo.credit.map { " (" + text("photos.credited", $0) + ")" } ?? "")
    }

    public static func agreement(_ line: PublicUpdate.AgreementLine, text: Localizer) -> String {
        var words = line.summary.title
        if !line.parties.isEmpty { words += " — " + line.parties.joined(separator: ", ") }
        if let signed = line.summary.signedOn { words += " — " + text("publicUpdate.signed", text.day(signed)) }
        if let focus = line.focus { words += ": " + focus }
        return words
    }

    public static func days(_ period: EventPeriod, text: Localizer) -> String {
        text.days(period.startsOn, period.endsOn)
    }
}
